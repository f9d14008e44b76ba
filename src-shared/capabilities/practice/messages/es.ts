import type { en } from './en';

/** The practice capability's words in Spanish (see en.ts). */
export const es: { readonly [K in keyof typeof en]: string } = {
  'practice.mode.off': 'Apagado',
  'practice.mode.bootloader': 'Bootloader',
  'practice.mode.halted': 'Arrancando…',
  'practice.mode.preinit': 'Arrancando: ventana de rescate abierta',
  'practice.mode.failsafe': 'Modo de rescate (failsafe)',
  'practice.mode.running': 'Funcionando con normalidad',
  'practice.mode.vendor': 'Firmware del fabricante en marcha',
  'practice.mode.recovery': 'Rescate del fabricante: pidiendo el firmware',
  'practice.picture.label': 'Router de práctica: {mode}',
  'practice.picture.power': 'encendido',
  'practice.picture.reset': 'Reset',
  'practice.switchOn': 'Encender',
  'practice.switchOff': 'Apagar',
  'practice.pressReset': 'Pulsar Reset',
  'practice.holdReset': 'Mantener Reset (y luego encender)',
  'practice.dock.label': 'Router de práctica',

  'practice.title': 'Prueba Rescue Bench con un router de práctica',
  'practice.lead':
    'El router de práctica funciona dentro de Rescue Bench en este equipo. Arranca, parpadea y responde como un router con OpenWrt, así que puedes probar cada paso sin un router real, sin cable y sin contraseña de administrador. Nada de lo que hagas aquí llega a tu red ni a tu historial real.',
  'practice.start': 'Empezar esta práctica',
  'practice.startAgain': 'Empezar esta práctica de nuevo',
  'practice.now': 'Ahora: {task}',
  'practice.go': 'Abrir la pantalla que lo arregla',
  'practice.reset': 'Dejar el caso como estaba',
  'practice.stop': 'Detener el router de práctica',
  'practice.log.title': 'Lo que hizo el router de práctica',
  'practice.target': '{address} · SSH {ssh} · mensajes a 127.0.0.1:{netmsg} · consola {console}',
  'practice.readyIn': ' · listo en {ms} ms',

  'practice.scenario.forgot-password.title': 'Contraseña olvidada',
  'practice.scenario.forgot-password.story': 'El router funciona, pero ya nadie sabe su contraseña de administrador.',
  'practice.scenario.forgot-password.tryThis': 'Arráncalo en modo de rescate y pon una contraseña nueva.',
  'practice.scenario.broken-settings.title': 'Ajustes rotos',
  'practice.scenario.broken-settings.story': 'Después de cambiar los ajustes ya no se puede llegar al router.',
  'practice.scenario.broken-settings.tryThis': 'Arráncalo en modo de rescate y restablece los ajustes de red o borra todos los ajustes.',
  'practice.scenario.factory-firmware.title': 'Volver al firmware de fábrica',
  'practice.scenario.factory-firmware.story':
    'Un router Linksys con dos ranuras de firmware tiene OpenWrt y debe volver al firmware de Linksys antes de venderlo.',
  'practice.scenario.factory-firmware.tryThis':
    'Abre «Firmware nuevo» y vuelve a poner el firmware de fábrica con el archivo de práctica de Linksys (antes se guardan tus ajustes).',
  'practice.scenario.bootloader-only.title': 'Inservible: solo arranca el bootloader',
  'practice.scenario.bootloader-only.story':
    'El firmware se dañó al escribirlo: el router solo muestra su bootloader en la consola serie.',
  'practice.scenario.bootloader-only.tryThis': 'Abre la consola serie, detén el bootloader y carga firmware desde este equipo.',
  'practice.scenario.tplink-recovery.title': 'TP-Link inservible: usa el rescate del fabricante',
  'practice.scenario.tplink-recovery.story':
    'Un router TP-Link dejó de arrancar tras una actualización fallida. Su bootloader todavía puede pedir firmware a este equipo mientras se mantiene pulsado el botón Reset.',
  'practice.scenario.tplink-recovery.tryThis':
    'Abre «Rescate del fabricante», elige el archivo de práctica de TP-Link, mantén pulsado el botón Reset y enciende el router.',

  'error.NO_SUCH_SCENARIO.message': 'No hay ninguna práctica llamada «{scenario}».',
  'error.NO_SUCH_SCENARIO.fix': 'Elige una de la lista.',
  'error.PRACTICE_NO_LOOPBACK.message': 'El router de práctica no pudo arrancar.',
  'error.PRACTICE_NO_LOOPBACK.meaning': 'Necesita unos cuantos puertos libres en la dirección local de este equipo (127.0.0.1); no se cambió nada.',
  'error.PRACTICE_NO_LOOPBACK.fix': 'Cierra otros programas que usen muchos puertos locales y vuelve a intentarlo.',
  'error.PRACTICE_NOT_STARTED.message': 'El router de práctica no está en marcha.',
  'error.PRACTICE_NOT_STARTED.meaning': 'Todavía no hay nada que encender ni pulsar.',
  'error.PRACTICE_NOT_STARTED.fix': 'Elige primero una práctica.',
};
