import type { en } from './en';

/** The playbook capability's words in Spanish (see en.ts). */
export const es: { readonly [K in keyof typeof en]: string } = {
  'error.NO_SUCH_QUESTION.message': 'Esa pregunta ya se respondió o ha caducado.',
  'error.NO_SUCH_QUESTION.meaning': 'La pantalla mostraba una pregunta antigua.',
  'error.NO_SUCH_QUESTION.fix': 'Mira el paso que está activo ahora y responde a su pregunta.',
  'error.BAD_CHOICE.message': 'Esa respuesta no es una de las opciones.',
  'error.BAD_CHOICE.fix': 'Elige uno de los botones que se muestran.',
  'error.NO_SUCH_PLAYBOOK.message': 'No hay ninguna guía llamada «{id}».',
  'error.NO_SUCH_PLAYBOOK.fix': 'Elige una guía de la lista.',
  'error.RUN_IN_PROGRESS.message': '«{title}» sigue en marcha.',
  'error.RUN_IN_PROGRESS.meaning': 'Solo funciona una guía a la vez, para que nunca hablen dos guías con el router al mismo tiempo.',
  'error.RUN_IN_PROGRESS.fix': 'Termina o detén primero la guía en marcha.',
  'error.NO_SUCH_RUN.message': '{interrupted, select, yes {No hay ninguna guía interrumpida con ese nombre.} slot {No hay ninguna guía en marcha en el puesto {slot}.} other {Esa guía ya no está en marcha.}}',
  'error.NO_SUCH_RUN.fix': '{interrupted, select, yes {Vuelve a iniciar la guía.} slot {Inicia una guía en ese puesto.} other {Vuelve a iniciarla.}}',
  // ── what the runner itself says (decision 0130) ──
  "playbook.said.stopHere": "Parar aquí",
  "playbook.said.youStopped": "Detuviste la ejecución. Ya no se envía nada más al router.",
  // ── a failed step's button that tries it again (decision 0151) ──
  "playbook.again.check": "Volver a comprobar",
  "playbook.again.watch": "Volver a observar",
  "playbook.again.try": "Intentar de nuevo",
  "playbook.again.list": "Volver a la lista",
  "playbook.again.wait": "Volver a esperar",
  "playbook.again.send": "Volver a enviar",
  "playbook.again.backup": "Intentar la copia de seguridad de nuevo",
  "playbook.again.copy": "Volver a copiar",
  "playbook.again.keepWaiting": "Seguir esperando",
  "playbook.again.powerCycle": "Apagarlo e intentar de nuevo",
  // ── a step's state on the command line (decision 0151) ──
  "playbook.cli.state": "{state, select, pending {todavía no} active {en curso} done {hecho} failed {no funcionó} skipped {omitido} other {{state}}}",
  'error.PRECONDITION.message': 'Este paso necesita antes «{steps}».',
  'error.NO_EXECUTOR.message': 'Rescue Bench no puede ejecutar el paso «{title}».',
  "playbook.said.preconditionFault": "Se empezó un paso antes de los pasos que necesita. Es un fallo de la guía.",
};
