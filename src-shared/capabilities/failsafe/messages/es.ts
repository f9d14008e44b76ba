import type { en } from './en';

/** The failsafe capability's words in Spanish (see en.ts). */
export const es: { readonly [K in keyof typeof en]: string } = {
  'error.NO_BROADCAST.message': 'El router no envió su mensaje «press button now».',
  'error.NO_BROADCAST.meaning': 'O el mensaje no puede llegar a este equipo, o este router no lo envía. El patrón de las luces funciona igual sin él.',
  'error.NO_BROADCAST.fix':
    'Comprueba que el cable está en un puerto LAN (no WAN), que este equipo tiene una dirección en 192.168.1.x y que ningún cortafuegos bloquea el puerto UDP 4919. Algunos routers tardan 30–40 segundos en enviarlo. Sin el mensaje: apaga el router, enciéndelo y pulsa el botón en cuanto una luz empiece a parpadear a velocidad media — o púlsalo una y otra vez durante los primeros 60 segundos. Algunos routers Linksys primero encienden todas las luces y luego hacen parpadear las luces de los puertos LAN/WAN conectados: no pulses en ese momento. Espera a que todas las luces se apaguen por segunda vez; pulsa en cuanto la primera luz vuelva a parpadear.',
  'error.MISSED_WINDOW.message':
    '{cause, select, regularBoot {El router dijo que sigue con su arranque normal.} other {Pasó el momento del botón y el inicio de sesión de rescate no respondió.}}',
  'error.MISSED_WINDOW.meaning': 'La pulsación llegó tarde, no se registró o fue a un botón que no se lee en ese momento.',
  'error.MISSED_WINDOW.fix':
    'Apaga el router y vuelve a intentarlo. Pulsa en cuanto aparezca el aviso (o la luz empiece a parpadear a velocidad media) y sigue pulsando cada medio segundo hasta que parpadee muy rápido. Sirve cualquier botón menos el de encendido; si uno no funciona, prueba otro. Algunos routers Linksys primero encienden todas las luces y luego hacen parpadear las luces de los puertos LAN/WAN conectados: no pulses en ese momento. Espera a que todas las luces se apaguen por segunda vez; pulsa en cuanto la primera luz vuelva a parpadear.',
  'error.NOT_IN_FAILSAFE.message': 'El router pidió una contraseña.',
  'error.NOT_IN_FAILSAFE.meaning': 'Arrancó de forma normal en lugar de en modo de rescate (en modo de rescate root no tiene contraseña).',
  'error.NOT_IN_FAILSAFE.fix': 'Vuelve atrás: apágalo y vuelve a intentarlo con el botón.',
  'error.ADDRESS_IN_USE.message': 'Algo sigue respondiendo en {router}.',
  'error.ADDRESS_IN_USE.meaning': 'Puede que otro dispositivo esté usando la dirección de rescate del router.',
  'error.ADDRESS_IN_USE.fix': 'Apaga el router, desconecta otros dispositivos de este cable y vuelve a comprobarlo.',
  'error.SET_ADDRESS_FAILED.message': 'No se añadió la dirección.',
  'error.SET_ADDRESS_FAILED.meaning': 'Se canceló la petición de contraseña, o el sistema se negó.',
  'error.SET_ADDRESS_FAILED.fix': 'Ponla tú con los pasos que se muestran.',
  'error.NO_LAN_IP.message': 'El router no tiene guardada ninguna dirección LAN.',
  'error.NO_LAN_IP.meaning': 'Tras un arranque normal usa su dirección estándar, normalmente 192.168.1.1.',
  'error.NO_LAN_IP.fix': 'Prueba 192.168.1.1 después de reiniciar.',
  'error.PASSWD_FAILED.message': 'El router no aceptó la contraseña nueva.',
  'error.PASSWD_FAILED.meaning': 'Sigue valiendo la contraseña antigua.',
  'error.PASSWD_FAILED.fix': 'Prueba otra contraseña, o mira la transcripción.',
  'error.RESET_CONFIG_FAILED.message': 'No se pudo restablecer la configuración de red.',
  'error.RESET_CONFIG_FAILED.meaning': 'Tu configuración no ha cambiado o se ha renombrado en parte: mira la transcripción.',
  'error.RESET_CONFIG_FAILED.fix': 'Vuelve a intentarlo, o restablece los valores de fábrica.',
  'error.MOUNT_ROOT_FAILED.message': 'No se pudo abrir la configuración guardada (mount_root falló).',
  'error.MOUNT_ROOT_FAILED.meaning': 'Los arreglos que cambian la configuración no pueden ejecutarse.',
  'error.MOUNT_ROOT_FAILED.fix': 'Mira la transcripción. Si el almacenamiento está dañado, restablecer los valores de fábrica puede funcionar igualmente.',
  'error.FACTORY_RESET_FAILED.message': 'No se pudo borrar la configuración.',
  'error.FACTORY_RESET_FAILED.meaning': 'El router conserva su configuración actual.',
  'error.FACTORY_RESET_FAILED.fix': 'Reinicia el router en modo de rescate y vuelve a intentarlo.',
};
