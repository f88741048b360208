/**
 * ../shared beside the checkout holds the domain brief and the real roadmaps. Tests that read it
 * say plainly when it is absent instead of passing silently.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SHARED_DIR = resolve(__dirname, '..', '..', '..', 'shared');
export const ROADMAPS_DIR = join(SHARED_DIR, 'fixtures', 'roadmaps');
export const hasShared = existsSync(ROADMAPS_DIR);

if (!hasShared) {
  // Printed once per test file that imports this: the fixtures' tests are skipped, not passed.
  console.warn(`ВНИМАНИЕ: ${SHARED_DIR} отсутствует — тесты на реальных дорожных картах пропущены.`);
}

/** `describe` when ../shared is present, `describe.skip` (with a warning above) otherwise. */
export const describeShared: jest.Describe = hasShared ? describe : describe.skip;

/**
 * A fixture's text; '' when ../shared is absent: Jest still runs the body of a skipped describe
 * to collect its tests, and a read there would fail the whole file instead of skipping it.
 */
export function readRoadmapFixture(name: string): string {
  return hasShared ? readFileSync(join(ROADMAPS_DIR, name), 'utf8') : '';
}

export function roadmapFixtures(): string[] {
  return hasShared ? readdirSync(ROADMAPS_DIR).filter((f) => f.endsWith('.txt')).sort() : [];
}
