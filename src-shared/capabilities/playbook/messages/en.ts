/**
 * The playbook capability's words in English, the source (decision 0100): keys start with `playbook.` (its screens) or
 * `error.<CODE>.` (its faults). src-shared/i18n/messages/en.ts merges them into the one catalogue; de.ts and
 * es.ts beside this file must hold every key (the type says so, test/shared/i18n/catalog.test.ts checks it).
 */
export const en = {
  'error.NO_SUCH_QUESTION.message': 'That question was already answered or has expired.',
  'error.NO_SUCH_QUESTION.meaning': 'The screen was showing an old question.',
  'error.NO_SUCH_QUESTION.fix': 'Look at the step that is active now and answer its question.',
  'error.BAD_CHOICE.message': 'That answer is not one of the choices.',
  'error.BAD_CHOICE.fix': 'Pick one of the buttons shown.',
  'error.NO_SUCH_PLAYBOOK.message': 'There is no guide called "{id}".',
  'error.NO_SUCH_PLAYBOOK.fix': 'Pick a guide from the list.',
  'error.RUN_IN_PROGRESS.message': '"{title}" is still running.',
  'error.RUN_IN_PROGRESS.meaning': 'Only one guide runs at a time, so two guides never talk to the router at once.',
  'error.RUN_IN_PROGRESS.fix': 'Finish or stop the running guide first.',
  'error.NO_SUCH_RUN.message': '{interrupted, select, yes {There is no interrupted guide with that name.} slot {No guide is running in slot {slot}.} other {That guide is no longer running.}}',
  'error.NO_SUCH_RUN.fix': '{interrupted, select, yes {Start the guide again.} slot {Start a guide in that slot.} other {Start it again.}}',
  // ── what the runner itself says (decision 0130) ──
  "playbook.said.stopHere": "Stop here",
  "playbook.said.youStopped": "You stopped the run. Nothing more is sent to the router.",
  // ── a failed step's button that tries it again (decision 0151) ──
  "playbook.again.check": "Check again",
  "playbook.again.watch": "Watch again",
  "playbook.again.try": "Try again",
  "playbook.again.list": "Back to the list",
  "playbook.again.wait": "Wait again",
  "playbook.again.send": "Send again",
  "playbook.again.backup": "Try the backup again",
  "playbook.again.copy": "Copy again",
  "playbook.again.keepWaiting": "Keep waiting",
  "playbook.again.powerCycle": "Switch it off and try again",
  // ── a step's state on the command line (decision 0151; the English is the state's own name, as --json has it) ──
  "playbook.cli.state": "{state, select, pending {pending} active {active} done {done} failed {failed} skipped {skipped} other {{state}}}",
  // ── the runner's own faults: a playbook written wrongly (decision 0153) ──
  'error.PRECONDITION.message': 'This step needs "{steps}" first.',
  'error.NO_EXECUTOR.message': 'Rescue Bench cannot run the step "{title}".',
  "playbook.said.preconditionFault": "A step was started before the steps it needs. This is a fault in the playbook.",
} as const satisfies Record<string, string>;
