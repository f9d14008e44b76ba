import type { en } from './en';

/** The uboot capability's words in Spanish (see en.ts). */
export const es: { readonly [K in keyof typeof en]: string } = {
  'error.UBOOT_FILE_MISSING.message': 'No se puede leer el archivo {file}.',
  'error.UBOOT_FILE_MISSING.meaning': 'No hay nada que enviar al router.',
  'error.UBOOT_FILE_MISSING.fix': 'Vuelve a elegir el archivo.',
  'error.UBOOT_ENV_EMPTY.message': 'El gestor de arranque no mostró ningún ajuste.',
  'error.UBOOT_ENV_EMPTY.meaning': 'No se pudo leer su respuesta a printenv.',
  'error.UBOOT_ENV_EMPTY.fix': 'Mira en la consola qué mostró y vuelve a intentarlo.',
  'error.UBOOT_TFTP_ERROR.message': 'La descarga del router falló: «{reason}».',
  'error.UBOOT_TFTP_ERROR.meaning': 'El archivo no llegó.',
  'error.UBOOT_TFTP_ERROR.fix': '{notFound, select, yes {No se encontró el nombre del archivo en nuestro servidor; vuelve a intentarlo.} other {Revisa el cable y vuelve a intentarlo.}}',
  'error.UBOOT_TFTP_INCOMPLETE.message':
    '{noReply, select, yes {El router no pudo llegar a este equipo por la red.} other {El router no terminó la descarga.}}',
  'error.UBOOT_TFTP_INCOMPLETE.meaning': 'El archivo no llegó a la memoria del router.',
  'error.UBOOT_TFTP_INCOMPLETE.fix':
    '{noReply, select, yes {Comprueba que el cable está en un puerto LAN del router y que este equipo tiene la dirección {serverIp}. Puede que un cortafuegos bloquee TFTP (puerto UDP {port}).} other {Vuelve a intentarlo; si se repite, guarda el registro de la consola y envíanoslo.}}',
  'error.UBOOT_SIZE_MISMATCH.message': 'El router recibió {got} bytes, pero el archivo tiene {size}.',
  'error.UBOOT_SIZE_MISMATCH.meaning': 'La copia en la memoria del router está incompleta. No la arranques ni la escribas.',
  'error.UBOOT_SIZE_MISMATCH.fix': 'Vuelve a intentarlo.',
  'error.UBOOT_CRC_MISMATCH.message': 'La copia en el router es distinta del archivo (CRC {there} allí, {here} aquí).',
  'error.UBOOT_CRC_MISMATCH.meaning': 'Algunos bytes se dañaron por el camino. No la arranques ni la escribas.',
  'error.UBOOT_CRC_MISMATCH.fix': 'Vuelve a intentarlo; si se repite, prueba otro cable u otro puerto.',
  'error.UBOOT_UNKNOWN_IMAGE.message': 'U-Boot no puede arrancar este archivo.',
  'error.UBOOT_UNKNOWN_IMAGE.meaning': 'No es un uImage, FIT, zImage ni una imagen arm64.',
  'error.UBOOT_UNKNOWN_IMAGE.fix': 'Usa una imagen «initramfs» hecha para este router.',
  'error.UBOOT_BAD_FDT_ADDRESS.message': 'El ajuste de device tree del gestor de arranque (fdtcontroladdr) no es una dirección de memoria.',
  'error.UBOOT_BAD_FDT_ADDRESS.meaning':
    'Rescue Bench solo escribe direcciones simples en el gestor de arranque, así que no arrancó la imagen. Sigue en la memoria del router en {address}; no se escribió nada.',
  'error.UBOOT_BAD_FDT_ADDRESS.fix':
    'Arráncala a mano en la consola con {command} {address} seguido de la dirección del device tree, o usa una imagen FIT que lleve su propio device tree.',
  'error.UBOOT_BOOT_REFUSED.message': 'El gestor de arranque se negó a arrancar la imagen.',
  'error.UBOOT_BOOT_REFUSED.meaning': 'Sigue en su indicador; no se escribió nada.',
  'error.UBOOT_BOOT_REFUSED.fix': 'Lee en la consola el motivo (a menudo, una imagen equivocada para esta placa).',
  'error.UBOOT_KERNEL_PANIC.message': 'La imagen arrancó pero se bloqueó: {reason}.',
  'error.UBOOT_KERNEL_PANIC.meaning': 'El router se queda bloqueado hasta que lo apagues y lo enciendas. No se escribió nada en él.',
  'error.UBOOT_KERNEL_PANIC.fix': 'Probablemente esta imagen no es para este modelo de router; busca el firmware de tu modelo y versión exactos.',
  'error.UBOOT_BOOT_RETURNED.message': 'El router volvió a su gestor de arranque en lugar de arrancar.',
  'error.UBOOT_BOOT_RETURNED.meaning': 'La imagen no arrancó. No se escribió nada.',
  'error.UBOOT_BOOT_RETURNED.fix': 'Comprueba que la imagen está hecha para este router.',
  'error.UBOOT_TIMEOUT.message':
    '{step, select, stopAutoboot {No vimos el gestor de arranque del router.} tftpboot {La descarga al router no terminó.} boot {El router no terminó de arrancar a tiempo.} other {El gestor de arranque dejó de responder.}}',
  'error.UBOOT_TIMEOUT.meaning':
    '{step, select, stopAutoboot {En {seconds} segundos no llegó por el puerto serie nada que parezca U-Boot.} tftpboot {El router se detuvo o no pudo llegar a este equipo. Pulsamos Ctrl-C para recuperar su indicador.} boot {No apareció ninguna línea de comandos, inicio de sesión ni indicador conocido.} other {Un comando no volvió al indicador.}}',
  'error.UBOOT_TIMEOUT.fix':
    '{step, select, stopAutoboot {Apaga el router, empieza de nuevo y luego enciéndelo. Si la consola muestra caracteres sin sentido, usa «Buscar la velocidad»; si no muestra nada, intercambia los cables TX y RX.} tftpboot {Revisa el cable de red (un puerto LAN del router) y que este equipo tiene {serverIp}.} boot {Mira la consola: puede que aún esté arrancando, o que se haya detenido con un error.} other {Mira la consola; pulsa Ctrl-C allí y vuelve a intentarlo.}}',
  'error.UBOOT_NEEDS_CONFIRMATION.message': '«{command}» escribe en la flash o en los ajustes guardados del router.',
  'error.UBOOT_NEEDS_CONFIRMATION.meaning': 'Rescue Bench nunca lo hace por su cuenta. Un error aquí puede dejar el router sin poder arrancar.',
  'error.UBOOT_NEEDS_CONFIRMATION.fix': 'Si de verdad quieres hacerlo, confírmalo escribiendo el comando exactamente como se muestra.',
  'error.UBOOT_BUSY.message': 'Ya hay una secuencia del gestor de arranque en marcha en esta consola.',
  'error.UBOOT_BUSY.meaning': 'Dos secuencias escribirían una encima de la otra.',
  'error.UBOOT_BUSY.fix': 'Espera a que termine o detenla primero.',
  'error.UBOOT_NO_RUN.message': 'Esa secuencia del gestor de arranque no está en marcha.',
  'error.UBOOT_NO_RUN.meaning': 'Ya terminó o ya se detuvo.',
  'error.UBOOT_NO_RUN.fix': 'No hay nada que hacer.',
  'error.UBOOT_CANCELLED.message': 'Se detuvo la secuencia del gestor de arranque.',
  'error.UBOOT_CANCELLED.meaning': 'El router se queda en el indicador de su gestor de arranque; no se arrancó nada.',
  'error.UBOOT_CANCELLED.fix': 'Vuelve a ejecutar el comando cuando estés listo.',
};
