import type { ComponentChildren } from 'preact';

export function Busy({ text = 'Выполняется…' }: { text?: string }) {
  return (
    <div class="busy" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      {text}
    </div>
  );
}

export function ErrorBox({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <div class="error" role="alert">
      {error}
    </div>
  );
}

export function Section({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section class="section">
      <h2>{title}</h2>
      {children}
    </section>
  );
}
