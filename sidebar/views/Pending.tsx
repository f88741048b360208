import { Section } from '../components';

/** Shown for a capability whose view has not landed yet. */
export function Pending({ title }: { title: string }) {
  return (
    <Section title={title}>
      <p class="muted">Этот раздел появится в следующей версии.</p>
    </Section>
  );
}
