import type { en } from './en';

/** The shared core code's words in Spanish (see en.ts). */
export const es: { readonly [K in keyof typeof en]: string } = {
  'error.UNKNOWN_COMMAND.meaning': 'Probablemente la pantalla y la estación de trabajo son de versiones distintas.',
  'error.UNKNOWN_COMMAND.fix': 'Recarga la página o reinicia Rescue Bench.',
  'error.BAD_REQUEST.message': 'No se entendió la petición.',
  'error.BAD_REQUEST.meaning': 'Faltan algunos de los valores enviados o tienen una forma incorrecta. No se hizo nada.',
  'error.BAD_REQUEST.fix': 'Revisa los valores que escribiste y vuelve a intentarlo.',
  'error.BAD_REPLY.message': 'La estación de trabajo dio una respuesta que la pantalla no puede leer.',
  'error.TOO_DEEP.message': 'Se rechazó la petición: es mucho más compleja que cualquier petición que envía Rescue Bench.',
  'error.TOO_DEEP.meaning': 'No la envió la pantalla de Rescue Bench, o la pantalla tiene un fallo. No se hizo nada.',
  'error.TOO_DEEP.fix': 'Recarga la página o reinicia Rescue Bench. Si la envió un script, manda valores simples como describe el contrato.',
  'error.TOO_COMPLEX.message': 'Se rechazó la petición: es mucho más compleja que cualquier petición que envía Rescue Bench.',
  'error.TOO_COMPLEX.meaning': 'No la envió la pantalla de Rescue Bench, o la pantalla tiene un fallo. No se hizo nada.',
  'error.TOO_COMPLEX.fix': 'Recarga la página o reinicia Rescue Bench. Si la envió un script, manda valores simples como describe el contrato.',

  'error.HOST_PATH_NOT_ALLOWED.message':
    'El banco no puede usar {path} como {use, select, firmwareFile {archivo de firmware} imageToSend {imagen que enviar} keyFile {archivo de clave SSH} backupFolder {carpeta de copias} backupToRestore {copia que restaurar} tftpFolder {carpeta que servir} other {carpeta de subidas}}: {leads, select, yes {lleva a {real}, que está } other {está }}fuera de las carpetas que este banco puede usar.',
  'error.HOST_PATH_NOT_ALLOWED.meaning':
    'Esta pantalla se puede usar desde otro dispositivo de la red (una tableta en el taller), así que solo lee y escribe archivos en la carpeta de Rescue Bench ({data}){allowed, select, none {} other { y en {allowed}}} del equipo donde funciona Rescue Bench. No se leyó ni escribió nada.',
  'error.HOST_PATH_NOT_ALLOWED.fix':
    '{use, select, firmwareFile {Arrastra el archivo a esta página (se copia en {sub}), o ponlo en {data} en este equipo} imageToSend {Arrastra primero el archivo a la página «Comprobar firmware» (se copia en {sub}), o ponlo en {data} en este equipo} keyFile {Copia la clave en {data} en este equipo (por ejemplo {sub})} backupFolder {Deja la carpeta vacía para usar {sub}, o elige una carpeta dentro de {data}} backupToRestore {Elige una copia de la lista (están en {sub}), o copia la carpeta de la copia en {sub} en este equipo} tftpFolder {Pon el firmware en una carpeta dentro de {data} en este equipo (por ejemplo {sub}) y elige esa carpeta} other {Elige una carpeta dentro de {data} en este equipo (por ejemplo {sub})}}. O bien, en ese equipo, vuelve a arrancar el banco permitiendo esa carpeta: rescue-bench serve --allow-folder CARPETA.',
  'error.SERIAL_PATH_NOT_ALLOWED.message': 'El banco no abrirá {path}: no es un puerto serie.',
  'error.SERIAL_PATH_NOT_ALLOWED.meaning':
    'Esta pantalla se puede usar desde otro dispositivo de la red, así que solo abre puertos serie (nombres como {example}, o los puertos de la lista), nunca otros archivos o terminales del equipo donde funciona Rescue Bench.',
  'error.SERIAL_PATH_NOT_ALLOWED.fix':
    'Elige el adaptador en la lista de puertos. Para un puerto virtual (un pty), crea un enlace a él en una carpeta permitida con rescue-bench serve --allow-folder CARPETA y abre el enlace.',
  'error.ALLOW_FOLDER_MISSING.message':
    'La carpeta {folder} indicada con --allow-folder {why, select, file {es un archivo, no una carpeta} other {no se puede abrir}}.',
  'error.ALLOW_FOLDER_MISSING.meaning': 'El banco no arrancó.',
  'error.ALLOW_FOLDER_MISSING.fix': 'Indica una carpeta que exista, o quita --allow-folder para usar solo la carpeta de Rescue Bench.',
  'error.ALLOW_FOLDER_REFUSED.message':
    'El banco no permitirá {folder}: {kind, select, diskRoot {es el disco entero} home {es toda tu carpeta personal} containsHome {contiene tu carpeta personal ({inside})} homes {contiene las carpetas personales de quienes usan este equipo} hidden {es una carpeta oculta} hiddenInside {está dentro de la carpeta oculta {inside}} privateSettings {está dentro de {inside}, donde los programas guardan sus ajustes y contraseñas} system {es una carpeta del sistema} other {está dentro de la carpeta del sistema {inside}}}.',
  'error.ALLOW_FOLDER_REFUSED.meaning':
    'Cualquiera con el enlace del banco podría leer y escribir archivos en una carpeta permitida, incluidas las claves, contraseñas y ajustes que haya en ella. El banco no arrancó.',
  'error.ALLOW_FOLDER_REFUSED.fix': 'Permite una carpeta que solo contenga firmware y copias (por ejemplo {example}), o pon los archivos en {data}.',

  'error.USAGE.meaning': 'La orden no se ejecutó: falta una opción o tiene una forma incorrecta.',

  'error.LAN_BIND_REFUSED.message':
    'El servidor del banco no arrancó en {bind}: otros equipos pueden llegar a esa dirección, y habla HTTP sin cifrar.',
  'error.LAN_BIND_REFUSED.meaning':
    'Sin cifrado, cualquiera en esa red que vea el tráfico puede copiar el enlace de acceso con su token y hacer todo lo que puede hacer la pantalla del banco: flashear, borrar y reiniciar los routers conectados a este equipo y leer sus copias.',
  'error.LAN_BIND_REFUSED.fix':
    'Quita --bind para usar el banco solo en este equipo. Para usarlo desde otro equipo en una red de confianza, vuelve a arrancarlo con --insecure-lan.',
  'error.BAD_FRAME.message':
    '{why, select, binary {Las tramas binarias no forman parte del protocolo.} json {El mensaje no era JSON válido.} other {El mensaje no tiene la forma {form}.}}',
  'error.UNTRUSTED_SENDER.message': 'Se rechazó una petición que no venía de la ventana de Rescue Bench.',

  // códigos que varias capacidades emiten (decisión 0135)
  'error.STOPPED.message': '{why, select, upload {Se detuvo la subida.} other {Detenido.}}',
  'error.STOPPED.meaning': '{why, select, upload {El router no recibió el archivo completo; sigue esperando en su modo de rescate.} other {No se envía nada más.}}',
  'error.STOPPED.fix': '{why, select, upload {Vuelve a iniciar la subida cuando estés listo.} other {Vuelve a empezar cuando estés listo.}}',
  'error.NOT_CONFIRMED.message': '{what, select, slot {Escribe «slot {slot}» para confirmar.} other {Sin confirmar.}}',
  'error.NOT_CONFIRMED.meaning':
    '{what, select, recovery {La guía espera al modo de rescate.} cables {La guía espera a los cables.} slot {La ranura desde la que arranca el router decide qué ejecuta tras el próximo reinicio. No se cambió nada.} other {La guía espera a que hagas lo que pide el paso.}}',
  'error.NOT_CONFIRMED.fix':
    '{what, select, recovery {Inicia el modo de rescate y luego continúa.} cables {Conecta los cables y luego elige «Hecho».} slot {Escribe exactamente: slot {slot}} other {Haz lo que pide el paso y luego elige «Hecho».}}',
  'error.CANCELLED.message':
    '{what, select, command {Se detuvo la orden en el router.} backup {Se detuvo la copia de seguridad.} backupBefore {Se detuvo la copia de seguridad antes de esta partición.} backupDuring {Se detuvo la copia de seguridad durante esta partición.} choice {Elegiste no seguir adelante.} other {Detenido: no se dio ninguna contraseña.}}',
  'error.CANCELLED.meaning':
    '{what, select, command {Pediste detenerla, así que se le indicó al router que parara; lo que estaba haciendo no terminó.} backup {Pediste detenerla; esta partición no se copió.} backupBefore {Pediste detenerla; esta partición no se copió.} backupDuring {Pediste detenerla; esta partición no se copió.} choice {No se cambió nada en el router.} other {No se inició nada.}}',
  'error.CANCELLED.fix':
    '{what, select, command {Vuelve a iniciarla cuando estés listo.} backup {Reintenta las particiones fallidas para terminarla.} backupBefore {Reintenta las particiones fallidas para terminarla.} backupDuring {Reintenta las particiones fallidas para terminarla.} choice {Vuelve a empezar cuando estés listo.} other {Ejecuta la orden de nuevo y escribe la contraseña cuando la pida.}}',
  'error.RUN_STOPPED.message':
    '{what, select, guide {La guía se detuvo antes de terminar.} recovery {La recuperación se detuvo antes de terminar.} other {La ejecución se detuvo antes de terminar.}}',
  'error.RUN_STOPPED.meaning': '{summary, select, none {Los pasos de arriba muestran hasta dónde llegó.} other {{summary}}}',
  'error.RUN_STOPPED.fix': 'Vuelve a iniciarla cuando el router esté listo.',
  'error.RUN_FAILED.message': '{what, select, guide {La guía no terminó.} recovery {La recuperación no terminó.} other {La ejecución no terminó.}}',
  'error.RUN_FAILED.meaning': '{summary, select, none {Los pasos de arriba muestran hasta dónde llegó.} other {{summary}}}',
  'error.RUN_FAILED.fix': 'Lee los pasos de arriba y vuelve a empezar.',
  'error.BACKUP_INCOMPLETE.message': '{what, select, full {La copia de seguridad completa no terminó.} other {Incompleta: fallaron {count} partición(es): {names}.}}',
  'error.BACKUP_INCOMPLETE.meaning': '{what, select, full {Sin ella no hay un camino de vuelta completo. No se escribió nada en el router.} other {Las demás están copiadas y comprobadas; cada partición fallida dice arriba por qué.}}',
  'error.BACKUP_INCOMPLETE.fix': '{what, select, full {Intenta la copia de seguridad de nuevo, u omítela si aceptas el riesgo.} other {Reintenta solo las fallidas con: {command}}}',
  'error.SLOT_BUSY.message': '{where, select, slot {El puesto {slot} todavía está ejecutando «{title}».} other {«{title}» todavía está en marcha en este lugar del banco.}}',
  'error.SLOT_BUSY.meaning': 'Un router, una guía a la vez: dos guías hablarían con el mismo router al mismo tiempo.',
  'error.SLOT_BUSY.fix': 'Espera a que termine o detenla, y luego inicia la siguiente guía.',
  'error.IMAGE_TOO_BIG.message': '{what, select, router {Esta imagen es demasiado grande para el {router}.} kernel {El kernel de esta imagen no cabe en la distribución {layout} del router.} backup {La copia de «{name}» es más grande que la partición del router.} other {{name} ocupa {mib} MiB: demasiado para ser firmware de router.}}',
  'error.IMAGE_TOO_BIG.meaning': '{what, select, router {La imagen ocupa {size}; el área de firmware del router admite {max}. No se ha enviado nada al router.} kernel {El kernel ocupa {size}; la distribución deja {max}. No se ha enviado nada al router.} backup {No cabe.} other {Las imágenes de firmware de router ocupan como mucho unos cientos de MiB. Probablemente es una imagen de disco o un archivo comprimido con varios archivos.}}',
  'error.IMAGE_TOO_BIG.fix': '{what, select, router {Elige la imagen hecha para este modelo exacto de router (la imagen «sysupgrade» para una actualización de OpenWrt).} kernel {Elige la imagen hecha para este modelo exacto de router (la imagen «sysupgrade» para una actualización de OpenWrt).} backup {Comprueba que este es el router del que viene la copia.} other {Descomprímelo y elige la imagen de firmware que contiene.}}',
  'error.SCREEN_FAILED.message': 'Esta página de la pantalla dejó de funcionar.',
  'error.SCREEN_FAILED.meaning': 'Solo afecta a la pantalla: lo que ya está en marcha en la estación de trabajo (una copia, una escritura, una recuperación) sigue, y no se envió nada al router por esto.',
  'error.SCREEN_FAILED.fix': 'Pulsa «Abrir esta página de nuevo». Si vuelve a pasar, abre Detalles, copia lo que dice y envíanoslo.',
  'app.crash.retry': 'Abrir esta página de nuevo',
  'error.CONNECTION_LOST.message': 'La pantalla perdió la conexión con la estación de trabajo.',
  'error.CONNECTION_LOST.meaning': 'Puede que la última petición haya terminado o no.',
  'error.CONNECTION_LOST.fix': 'Espera un momento: se vuelve a conectar sola. Si no, inicia de nuevo el banco (rescue-bench serve) y abre el enlace nuevo.',
};
