import type { en } from './en';

/** The playbook capability's words in German (see en.ts). */
export const de: { readonly [K in keyof typeof en]: string } = {
  'error.NO_SUCH_QUESTION.message': 'Diese Frage wurde schon beantwortet oder ist abgelaufen.',
  'error.NO_SUCH_QUESTION.meaning': 'Der Bildschirm zeigte eine alte Frage.',
  'error.NO_SUCH_QUESTION.fix': 'Sehen Sie sich den Schritt an, der jetzt aktiv ist, und beantworten Sie seine Frage.',
  'error.BAD_CHOICE.message': 'Diese Antwort gehört nicht zu den Auswahlmöglichkeiten.',
  'error.BAD_CHOICE.fix': 'Wählen Sie eine der angezeigten Schaltflächen.',
  'error.NO_SUCH_PLAYBOOK.message': 'Es gibt keine Anleitung namens „{id}“.',
  'error.NO_SUCH_PLAYBOOK.fix': 'Wählen Sie eine Anleitung aus der Liste.',
  'error.RUN_IN_PROGRESS.message': '„{title}“ läuft noch.',
  'error.RUN_IN_PROGRESS.meaning': 'Es läuft immer nur eine Anleitung, damit nie zwei gleichzeitig mit dem Router sprechen.',
  'error.RUN_IN_PROGRESS.fix': 'Beenden oder stoppen Sie zuerst die laufende Anleitung.',
  'error.NO_SUCH_RUN.message': '{interrupted, select, yes {Es gibt keine unterbrochene Anleitung mit diesem Namen.} slot {An Platz {slot} läuft keine Anleitung.} other {Diese Anleitung läuft nicht mehr.}}',
  'error.NO_SUCH_RUN.fix': '{interrupted, select, yes {Starten Sie die Anleitung noch einmal.} slot {Starten Sie an diesem Platz eine Anleitung.} other {Starten Sie sie noch einmal.}}',
  // ── what the runner itself says (decision 0130) ──
  "playbook.said.stopHere": "Hier aufhören",
  "playbook.said.youStopped": "Sie haben den Ablauf angehalten. An den Router wird nichts mehr gesendet.",
  // ── a failed step's button that tries it again (decision 0151) ──
  "playbook.again.check": "Noch einmal prüfen",
  "playbook.again.watch": "Noch einmal beobachten",
  "playbook.again.try": "Noch einmal versuchen",
  "playbook.again.list": "Zurück zur Liste",
  "playbook.again.wait": "Noch einmal warten",
  "playbook.again.send": "Noch einmal senden",
  "playbook.again.backup": "Sicherung noch einmal versuchen",
  "playbook.again.copy": "Noch einmal kopieren",
  "playbook.again.keepWaiting": "Weiter warten",
  "playbook.again.powerCycle": "Ausschalten und noch einmal versuchen",
  // ── a step's state on the command line (decision 0151) ──
  "playbook.cli.state": "{state, select, pending {noch nicht} active {läuft} done {erledigt} failed {hat nicht geklappt} skipped {übersprungen} other {{state}}}",
  'error.PRECONDITION.message': 'Dieser Schritt braucht zuerst „{steps}“.',
  'error.NO_EXECUTOR.message': 'Rescue Bench kann den Schritt „{title}“ nicht ausführen.',
  "playbook.said.preconditionFault": "Ein Schritt wurde vor den Schritten gestartet, die er braucht. Das ist ein Fehler in der Anleitung.",
};
