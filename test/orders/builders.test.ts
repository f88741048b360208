import { buildOrder, ORDER_KINDS } from '../../src/core/orders/builders';
import { modelText } from '../../src/core/orders/model';
import { data, settings } from './fixtures';

const opts = { number: 'НМ-3/2026', date: '2026-11-22' };

describe('order builders', () => {
  test('pairs: by default the pairs being formed, only with consent', () => {
    const plan = buildOrder('pairs', data(), opts);
    expect(plan.problems).toEqual([]);
    // П-003: mentor without consent; П-004: teacher system without written consent.
    expect(plan.included.map((i) => i.id)).toEqual(['П-001', 'П-002']);
    expect(plan.excluded.map((e) => e.id)).toEqual(expect.arrayContaining(['Нв-002', 'Н-003', 'П-003', 'П-004']));
    const text = modelText(plan.model!);
    expect(text).not.toContain('Безсогласия');
    expect(text).not.toContain('Тайный');
    expect(text).toContain('Кузнецов Илья, 7Б');
    expect(plan.warnings.join('\n')).toMatch(/Нв-002.*согласия/);
    expect(plan.warnings.join('\n')).toMatch(/П-004.*письменного согласия/);
    expect(plan.warnings.join('\n')).not.toContain('Тайный');
    expect(plan.pairRows).toEqual([1, 2]);
    expect(text).toContain('ПРИКАЗЫВАЮ:');
    expect(text).toContain('О закреплении наставнических пар (групп)');
    expect(text).toContain('Контроль за исполнением настоящего приказа оставляю за собой.');
    expect(text).toContain('Приложение № 1 к приказу от 22 ноября 2026 г. № НМ-3/2026');
    expect(text).toContain('Директор\tТ.Н. Кудрявцева');
    expect(text).toMatch(/распоряжением Минпросвещения России от 25\.12\.2019 № Р-145/);
    // Teacher-system pairs add the 2021 recommendations to the basis.
    expect(text).toContain('АЗ-1128/08');
    // Acquaintance list: adults only, nominative.
    expect(text).toContain('Петрова-Водкина Мария Ивановна | ____________');
    expect(text).not.toContain('Кузнецов Илья | ____');
  });

  test('pairs: the chosen IDs, unknown ones reported', () => {
    const plan = buildOrder('pairs', data(), { ...opts, pairIds: ['П-006', 'П-099'] });
    expect(plan.included.map((i) => i.id)).toEqual(['П-006']);
    expect(plan.warnings.join('\n')).toContain('П-099');
  });

  test('pairs referenced by name resolve', () => {
    const plan = buildOrder('completion', data(), opts);
    expect(plan.included.map((i) => i.id)).toEqual(['П-005']);
    const text = modelText(plan.model!);
    expect(text).toContain('Открытый урок');
    expect(text).toContain('О завершении программы наставничества');
  });

  test('missing settings: one clear Russian error, nothing built', () => {
    const plan = buildOrder('curator', data({ settings: settings({ orgName: undefined, directorName: ' ', curatorName: undefined }) }), opts);
    expect(plan.model).toBeNull();
    expect(plan.problems).toHaveLength(1);
    expect(plan.problems[0]).toContain('«Настройки»');
    expect(plan.problems[0]).toContain('«Полное наименование организации»');
    expect(plan.problems[0]).toContain('«ФИО руководителя»');
    expect(plan.problems[0]).toContain('«Куратор»');
  });

  test('curator: accusative and dative names', () => {
    const plan = buildOrder('curator', data(), opts);
    const text = modelText(plan.model!);
    expect(text).toContain(
      'Назначить Ахремкину Людмилу Михайловну, заместителя директора по УВР, куратором внедрения целевой модели наставничества в МБОУ СОШ № 1.',
    );
    expect(text).toContain('Поручить Ахремкиной Людмиле Михайловне обеспечить');
    expect(text).toContain('Ахремкина Людмила Михайловна | ____');
  });

  test('pairs with the status, all left out: the reasons, not «no such pairs»', () => {
    const d = data();
    const pairs = d.pairs.map((p) => (p.record.id === 'П-005' ? { ...p, record: { ...p.record, mentor: 'Н-999' } } : p));
    const plan = buildOrder('completion', { ...d, pairs }, opts);
    expect(plan.problems).toEqual(['Ни одна пара со статусом «завершена» не может войти в приказ: П-005 — наставник «Н-999» не найден на листе «Наставники».']);
    const none = d.pairs.filter((p) => p.record.id !== 'П-005');
    expect(buildOrder('completion', { ...d, pairs: none }, opts).problems).toEqual(['Нет пар со статусом «завершена». Отметьте завершённые пары или выберите их вручную.']);
  });

  test('a short name such as «Лицей № 1» goes after «в» in the prepositional case', () => {
    const plan = buildOrder('curator', data({ settings: settings({ orgShortName: 'Лицей № 1' }) }), opts);
    const text = modelText(plan.model!);
    expect(text).toContain('куратором внедрения целевой модели наставничества в Лицее № 1.');
    expect(text).not.toContain('в Лицей');
  });

  test('working group: curator leads, chosen people with consent', () => {
    const plan = buildOrder('working-group', data(), { ...opts, mentorIds: ['Н-002', 'Н-003', 'Нв-004'] });
    const text = modelText(plan.model!);
    expect(text).toContain('Назначить руководителем рабочей группы Ахремкину Людмилу Михайловну');
    expect(text).toContain('2 | Римский-Корсаков Николай Андреевич | учитель музыки | член рабочей группы');
    expect(text).toContain('Орлова Дарья Павловна');
    expect(text).not.toContain('Безсогласия');
    expect(plan.excluded.map((e) => e.id)).toEqual(['Н-003']);
  });

  test('roadmap: the roadmap as the appendix table', () => {
    const plan = buildOrder('roadmap', data({ settings: settings({ periodStart: '2020-09-01', periodEnd: '2024-06-30' }) }), opts);
    const text = modelText(plan.model!);
    expect(text).toContain('на период с 01.09.2020 по 30.06.2024');
    expect(text).toContain('1.1 | Назначение куратора | до 19.02.2021г. | Директор | Приказ');
    expect(text).toContain('2.1 | Мониторинг. Анкетирование участников | ежеквартально');
    expect(text).toContain(' | Реализация | ');
  });

  test('roadmap: empty register blocks', () => {
    const plan = buildOrder('roadmap', data({ roadmap: [] }), opts);
    expect(plan.model).toBeNull();
    expect(plan.problems[0]).toContain('Дорожная карта');
  });

  test('awards: one point refers to appendix № 1, whose table lists the mentors with what they led; without consent left out', () => {
    const plan = buildOrder('awards', data(), { ...opts, mentorIds: ['Н-001', 'Римский-Корсаков Николай Андреевич', 'Н-003', 'Н-004'] });
    const model = plan.model!;
    const runs = (items: Array<Array<{ text: string }>>) => items.map((r) => r.map((x) => x.text).join(''));
    const numbered = model.blocks.filter((b) => b.type === 'numbered');
    expect(numbered).toHaveLength(1);
    expect(runs(numbered[0].items)).toEqual([
      'Объявить благодарность наставникам за высокие результаты наставнической деятельности согласно приложению № 1 к настоящему приказу.',
      'Куратору внедрения целевой модели наставничества Ахремкиной Людмиле Михайловне внести сведения о поощрении в реестр наставников и разместить информацию о лучших практиках наставничества на официальном сайте организации.',
      'Контроль за исполнением настоящего приказа оставляю за собой.',
    ]);
    // The order's text names nobody; the people are in the appendix.
    const text = modelText({ ...model, blocks: model.blocks.filter((b) => b.part === 'text') });
    expect(text).not.toMatch(/Иванов|Римск|Смирнов/);
    const all = modelText(model);
    expect(all).toContain('Приложение № 1 к приказу от 22 ноября 2026 г. № НМ-3/2026');
    expect(all).toContain('Список наставников, которым объявляется благодарность за высокие результаты наставнической деятельности');
    expect(all).not.toContain('Безсогласия');
    const appendix = model.blocks.find((b) => b.type === 'table' && b.part === 'appendix');
    expect(appendix).toMatchObject({
      header: ['№', 'Фамилия, имя, отчество', 'Должность (класс)', 'Основание (наставническая пара, группа)'],
      rows: [
        // П-005 names her in full, П-001 is still being formed: only the completed pair counts.
        ['1', 'Иванова Анна Сергеевна', 'учитель математики', 'П-005 (учитель – учитель), с 01.09.2025 по 31.05.2026, программа завершена, результаты: Открытый урок'],
        ['2', 'Римский-Корсаков Николай Андреевич', 'учитель музыки', 'П-006 (учитель – учитель), программа реализуется'],
        // A pair being formed is no merit yet.
        ['3', 'Смирнов Глеб Игоревич', '10А', 'представление куратора внедрения целевой модели наставничества'],
      ],
    });
    // The teachers sign the acquaintance list; the pupil does not.
    expect(all).toContain('Иванова Анна Сергеевна | ____________');
    expect(all).not.toContain('Смирнов Глеб Игоревич | ____');
  });

  test('awards: a mentor of several pairs gets one line a pair in «Основание»', () => {
    const base = data();
    const pairs = base.pairs.map((r) => (r.record.id === 'П-004' ? { ...r, record: { ...r.record, status: 'активна' as const, program: 'Наставник = коллега' } } : r));
    const plan = buildOrder('awards', { ...base, pairs }, { ...opts, mentorIds: ['Н-002'] });
    const appendix = plan.model!.blocks.find((b) => b.type === 'table' && b.part === 'appendix');
    expect(appendix).toMatchObject({
      rows: [['1', 'Римский-Корсаков Николай Андреевич', 'учитель музыки', 'П-004 (педагог – педагог), «Наставник = коллега», программа реализуется;\nП-006 (учитель – учитель), программа реализуется']],
    });
  });

  test('awards: nobody chosen blocks', () => {
    expect(buildOrder('awards', data(), opts).problems[0]).toContain('Выберите наставников');
    // Everyone chosen left out: the reasons, since the command line shows no warnings.
    expect(buildOrder('awards', data(), { ...opts, mentorIds: ['Н-003', 'Н-404'] }).problems).toEqual([
      'Ни один из выбранных наставников не может быть назван в приказе: Н-003: нет согласия на обработку персональных данных — не назван в приказе; «Н-404» не найден в реестрах — не включён.',
    ]);
  });

  test('every kind builds with complete data; font from settings', () => {
    for (const kind of ORDER_KINDS) {
      const plan = buildOrder(kind, data({ settings: settings({ fontSize: 12, fontFamily: 'Arial' }) }), { ...opts, mentorIds: ['Н-001'] });
      expect(plan.problems).toEqual([]);
      expect(plan.model!.fontSize).toBe(12);
      expect(plan.model!.fields!.number).toBe('НМ-3/2026');
      expect(plan.subjectKey).toMatch(new RegExp(`^${kind}:[0-9a-f]{8}$`));
    }
  });

  test('same people → same subject key, other people → other key', () => {
    const a = buildOrder('awards', data(), { ...opts, mentorIds: ['Н-001', 'Н-002'] });
    const b = buildOrder('awards', data(), { ...opts, number: '9', mentorIds: ['Н-002', 'Н-001'] });
    const c = buildOrder('awards', data(), { ...opts, mentorIds: ['Н-001'] });
    expect(a.subjectKey).toBe(b.subjectKey);
    expect(a.subjectKey).not.toBe(c.subjectKey);
  });
});
