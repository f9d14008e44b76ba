import type { Section } from '../sections';

/** Honest placeholder for a section whose capability is not built yet: says so, promises nothing. */
export function NotBuiltView({ section }: { section: Section }) {
  return (
    <section className="card" data-testid={`section-${section.id}`}>
      <p className="lead">{section.hint}.</p>
      <p>This part of Rescue Bench is not built yet. Nothing here talks to a router.</p>
    </section>
  );
}
