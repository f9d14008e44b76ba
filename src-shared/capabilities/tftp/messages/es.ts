import type { en } from './en';

const WHAT = '{op, select, read {pidió «{file}»} other {intentó subir «{file}»}}';
const SERVED = '{what, select, served {carpeta servida} other {carpeta de subidas}}';
const REFUSE = 'Rescue Bench no ofrecerá {real} por TFTP';
const OPEN =
  '{what, select, served {TFTP no tiene contraseña: cualquier cosa de la red podría leer todos los archivos que contiene.} other {TFTP no tiene contraseña: cualquier cosa de la red podría meter archivos en ella y, con la sobrescritura activada, reemplazar los que hay.}}';
const FOLDER_MESSAGE = `{kind, select, diskRoot {Rescue Bench no ofrecerá el disco entero ({real}) por TFTP.} home {Rescue Bench no ofrecerá tu carpeta personal entera ({real}) por TFTP.} containsHome {${REFUSE}: contiene tu carpeta personal ({folder}).} homes {${REFUSE}: contiene las carpetas personales de quienes usan este equipo.} dataFolder {${REFUSE}: {itself, select, yes {es} other {contiene}} la carpeta de datos de Rescue Bench ({folder}).} hidden {${REFUSE}: {itself, select, yes {es una carpeta oculta} other {está dentro de la carpeta oculta {folder}}}.} privateSettings {${REFUSE}: está dentro de {folder}, donde los programas guardan sus ajustes y contraseñas.} other {${REFUSE}: {itself, select, yes {es una carpeta del sistema} other {está dentro de la carpeta del sistema {folder}}}.}}`;
const FOLDER_MEANING = `{kind, select, containsHome {${OPEN} Eso incluye tus claves, contraseñas y documentos.} dataFolder {Esa carpeta guarda las claves recordadas de los routers, tus copias de seguridad (con sus contraseñas de Wi-Fi) y los registros. ${OPEN}} hidden {Las carpetas cuyo nombre empieza por un punto guardan claves, contraseñas y ajustes (como .ssh y .config). ${OPEN}} system {El sistema operativo guarda ahí sus programas y ajustes. ${OPEN}} other {${OPEN}}}`;
const FOLDER_FIX = `{kind, select, dataFolder {Elige dentro de ella una carpeta que solo contenga el firmware (por ejemplo, {example}), o una carpeta propia.} other {Crea una carpeta que solo contenga el archivo de firmware (por ejemplo, {example}) y elígela como ${SERVED}.}}`;
const SAID = '{text, select, none {El router no dio ningún motivo.} other {El router dijo: «{text}».}}';
const AFTER = '{acked, plural, =0 {} other { tras {acked} de {blocks} bloques}}';

/** Why the fast lock-step engine is not used (native.ts `notNative`): said after "the native one is". */
const ENGINE_WHY =
  '{why, select, off {desactivado (RB_NATIVE=off)} server {desactivado para este servidor} platform {aún no disponible en {platform}} notBuilt {sin compilar (npm run build:native necesita un compilador de C)} otherVersion {desfasado: {file} es de otra versión (ABI {abi})} loadFailed {inutilizable: no se pudo cargar ({error})} virtual {inutilizable en una red virtual (abre sockets reales)} other {{reason}}}';
const PUT_WHY = `{put, select, upload {desactivado para esta subida} notFile {los datos no son un archivo} rollover {solo reinicia los números de bloque a 0} sharedPort {este sistema no puede compartir el puerto de la subida entre dos sockets} engine {${ENGINE_WHY}} other {{reason}}}`;
/** Which served file or alias name was refused, and why (server.ts servedFiles; decision 0170). */
const ALIAS_WHAT =
  '{which, select, aliasName {El nombre de alias «{name}»} aliasFile {El archivo del alias «{name}» («{file}»)} answerAny {El archivo que se envía para cualquier nombre («{file}»)} other {{what}}}';
const ALIAS_WHY =
  '{problem, select, length {debe tener de 1 a 255 caracteres} control {contiene caracteres de control} hidden {una parte empieza por un punto (los nombres ocultos nunca se sirven)} missing {«{file}» no está en la carpeta servida} other {{why}}}';

/** The tftp capability's words in Spanish (see en.ts). */
export const es: { readonly [K in keyof typeof en]: string } = {
  'tftp.server.title': 'Servidor de archivos para el router',
  'tftp.server.lead':
    'Muchos routers descargan el firmware de rescate desde este equipo por TFTP (la transferencia de archivos sencilla que usan los gestores de arranque de los routers). Pon el archivo de firmware en una carpeta, inicia aquí el servidor y después inicia la descarga en el router.',
  'tftp.server.root': 'Carpeta con los archivos de firmware',
  'tftp.server.rootExample': '/home/tu-usuario/firmware',
  'tftp.server.bind': 'Servir en',
  'tftp.server.all': 'Todas las conexiones de red',
  'tftp.server.loopback': 'Solo este equipo (para pruebas)',
  'tftp.server.port': 'Puerto UDP',
  'tftp.server.uploads': 'Aceptar subidas en esta carpeta (vacío: solo lectura)',
  'tftp.server.uploadsPlaceholder': 'déjalo vacío para rechazar subidas',
  'tftp.server.overwrite': 'Permitir que una subida reemplace un archivo con el mismo nombre',
  'tftp.server.portHint':
    '69 es el puerto estándar; la mayoría de los gestores de arranque solo usan el 69. 0 elige cualquier puerto libre. Algunas versiones de U-Boot aceptan otro puerto con',
  'tftp.server.start': 'Iniciar el servidor',
  'tftp.server.stop': 'Detener el servidor',
  'tftp.server.benchFolders':
    'Desde esta pantalla, la carpeta debe estar dentro de la carpeta de Rescue Bench en la estación de trabajo ({dataDir}) o en una carpeta permitida al iniciar el banco.',
  'tftp.server.running': 'El servidor de archivos está funcionando',
  'tftp.status.serving':
    'Sirviendo {root} en {where, select, all {todas las conexiones de red} other {{where}}}, puerto UDP {port}{since, select, none {} other {, desde las {since}}}. {uploads, select, none {Solo lectura: no se puede subir nada.} other {Las subidas van a {uploads}{overwrite, select, yes { (pueden reemplazar archivos)} other {}}.}}',
  'tftp.status.starting': 'Iniciando…',
  'tftp.status.error': 'El servidor no está funcionando: mira abajo.',
  'tftp.status.stopped': 'El servidor no está funcionando.',
  'tftp.uboot.typeAt': 'En un router con U-Boot, escribe en su línea de órdenes:',
  'tftp.uboot.thisComputer': 'ESTE-EQUIPO',
  'tftp.uboot.otherPort': '(solo algunas versiones de U-Boot aceptan otro puerto)',
  'tftp.uboot.then': ', después',
  'tftp.uboot.fileName': 'NOMBRE-DE-ARCHIVO',
  'tftp.uboot.fixedName': 'Otros gestores de arranque piden un nombre de archivo fijo: aparece abajo cuando lo piden.',
  'tftp.uboot.faster': 'Más rápido con U-Boot 2022 o posterior:',
  'tftp.uboot.before': 'antes de',
  'tftp.uboot.window': '(varios bloques en camino a la vez en lugar de uno tras otro).',
  'tftp.engine.note':
    'Las transferencias de un bloque cada vez (lo habitual en los gestores de arranque) usan en este equipo el emisor integrado, más lento: el rápido está {why}. Todo sigue funcionando; puede tardar un poco más.',
  'tftp.engine.unavailable': 'no disponible',
  'tftp.engine.why': ENGINE_WHY,
  'tftp.files.title': 'Archivos que el router puede pedir',
  'tftp.files.refresh': 'Actualizar',
  'tftp.files.empty': 'La carpeta aún no tiene archivos. Copia en ella el archivo de firmware y pulsa «Actualizar».',
  'tftp.files.more': '…y más (solo se muestran los primeros {count}).',
  'tftp.transfers.title': 'Transferencias{running, plural, =0 {} one { (# en curso)} other { (# en curso)}}',
  'tftp.transfers.clear': 'Quitar las terminadas',
  'tftp.transfers.none': 'Aún no hay transferencias. Cuando el router pida un archivo, aparecerá aquí.',
  'tftp.transfer.asked': '{peer} pidió {file}',
  'tftp.transfer.triedUpload': '{peer} intentó subir {file}',
  'tftp.transfer.sending': 'Enviando {file} a {peer}',
  'tftp.transfer.receiving': 'Recibiendo {file} de {peer}',
  'tftp.state.running': 'en curso',
  'tftp.state.done': 'hecho',
  'tftp.state.error': 'falló',
  'tftp.transfer.askedFor': 'El router pidió',
  'tftp.transfer.sent': '; se envió',
  'tftp.transfer.byAlias': ' (el archivo preparado para ese nombre).',
  'tftp.transfer.byAny': ' (el archivo que se envía para cualquier nombre).',
  'tftp.transfer.barPercent': '{title}: {percent} por ciento',
  'tftp.transfer.barUnknown': '{title}: tamaño desconocido',
  'tftp.transfer.of': ' de {size}',
  'tftp.transfer.left': ' · quedan unos {time}',
  'tftp.transfer.took': ' · tardó {time}',
  'tftp.transfer.resent': ' · {count, plural, one {# paquete reenviado} other {# paquetes reenviados}}',
  'tftp.transfer.received': 'El router recibió {file} completo.',
  'tftp.transfer.saved': '{file} se guardó en la carpeta de subidas.',
  'tftp.transfer.from': 'Desde',
  'tftp.duration.underSecond': 'menos de un segundo',
  'tftp.duration.seconds': '{s} s',
  'tftp.duration.minutes': '{m} min {s} s',
  'tftp.options.blocks': 'bloques de {size} bytes',
  'tftp.options.window': 'ventana {size}',
  'tftp.options.tsize': 'tamaño anunciado',
  'tftp.options.agreed': 'opciones acordadas',
  'tftp.options.none': 'sin opciones (TFTP simple)',
  'tftp.options.text': 'modo texto',
  'tftp.options.join': '{a}, {b}',
  'tftp.put.title': 'Enviar un archivo a un router (TFTP put)',
  'tftp.put.lead':
    'Algunos modos de rescate esperan a que este equipo envíe el firmware: el modo de rescate de ASUS (router en 192.168.1.1), Ubiquiti (192.168.1.20). Pon primero el router en modo de rescate; este equipo necesita una dirección en la misma red.',
  'tftp.put.host': 'Dirección del router',
  'tftp.put.file': 'Archivo de firmware en este equipo',
  'tftp.put.fileExample': '/home/tu-usuario/firmware.trx',
  'tftp.put.name': 'Nombre que se envía al router (vacío: el nombre del propio archivo)',
  'tftp.put.blksize': 'Tamaño de bloque',
  'tftp.put.blksizeHint':
    '1468 llena un paquete de red; un router que no lo admite recibe 512 automáticamente. 512 no envía ninguna opción (gestores de arranque muy antiguos).',
  'tftp.put.send': 'Enviar el archivo',
  'tftp.put.sending': 'Enviando {file} a {host}',
  'tftp.put.cancel': 'Cancelar',
  'tftp.put.numbers': '{done} de {total} · {rate}',
  'tftp.put.done':
    'El router confirmó cada bloque (bloques de {blksize} bytes{window, plural, =0 {} =1 {} other {, ventana #}}). Ahora escribe el firmware: déjalo encendido hasta que se reinicie solo. SHA-256:',
  'error.TFTP_TIMEOUT.message': 'El router en {peer} dejó de responder durante la transferencia de «{file}».',
  'error.TFTP_TIMEOUT.meaning': 'No volvió nada tras {retries} reintentos, con {seconds} s entre ellos. El router se desconectó, se reinició o se rindió.',
  'error.TFTP_TIMEOUT.fix': 'Revisa el cable y vuelve a iniciar la transferencia en el router.',
  'error.TFTP_CLIENT_GONE.message': 'El router en {peer} dejó de escuchar durante la transferencia de «{file}».',
  'error.TFTP_CLIENT_GONE.meaning': 'Se rindió o se reinició; el archivo no llegó completo.',
  'error.TFTP_CLIENT_GONE.fix': 'Vuelve a iniciar la transferencia en el router.',
  'error.TFTP_OPTIONS_REFUSED.message': 'El router en {peer} canceló la transferencia de «{file}».',
  'error.TFTP_OPTIONS_REFUSED.meaning': 'No aceptó las opciones de transferencia que habíamos acordado.',
  'error.TFTP_OPTIONS_REFUSED.fix': 'Vuelve a iniciar la transferencia en el router. Si sigue cancelando, mira el mensaje en «Detalles».',
  'error.TFTP_CLIENT_ABORTED.message': 'El router en {peer} canceló la transferencia de «{file}».',
  'error.TFTP_CLIENT_ABORTED.meaning': 'El archivo no llegó completo.',
  'error.TFTP_CLIENT_ABORTED.fix': 'Vuelve a iniciar la transferencia en el router. Si sigue cancelando, mira el mensaje en «Detalles».',
  'error.TFTP_PROTOCOL.message':
    '{how, select, read {El router en {peer} envió algo inesperado durante la transferencia de «{file}».} upload {El router en {peer} envió algo inesperado mientras subía «{file}».} other {El router en {peer} envió un bloque más grande de lo acordado.}}',
  'error.TFTP_PROTOCOL.meaning': '{how, select, read {Se detuvo la transferencia.} other {Se detuvo la subida y no se guardó nada.}}',
  'error.TFTP_PROTOCOL.fix': '{how, select, read {Vuelve a iniciar la transferencia en el router.} other {Vuelve a iniciar la subida.}}',
  'error.TFTP_WRITE_FAILED.message': 'Rescue Bench no pudo guardar la subida «{file}».',
  'error.TFTP_WRITE_FAILED.meaning': 'No se conservó el archivo recibido.',
  'error.TFTP_WRITE_FAILED.fix': 'Comprueba que se pueda escribir en la carpeta de subidas y que tenga espacio libre, y vuelve a subirlo.',
  'error.TFTP_UPLOAD_TOO_LARGE.message': 'La subida de «{file}» supera el límite de {max} bytes.',
  'error.TFTP_UPLOAD_TOO_LARGE.meaning': 'No se guardó nada.',
  'error.TFTP_UPLOAD_TOO_LARGE.fix': 'Comprueba que se esté enviando el archivo correcto.',
  'error.TFTP_NOT_RUNNING.message': 'El servidor de archivos no está funcionando.',
  'error.TFTP_NOT_RUNNING.meaning': 'No hay ninguna carpeta servida que listar.',
  'error.TFTP_NOT_RUNNING.fix': 'Primero inicia el servidor de archivos en la carpeta con el firmware.',
  'error.TFTP_READ_FAILED.message': 'Rescue Bench no pudo leer «{file}» mientras lo enviaba.',
  'error.TFTP_READ_FAILED.meaning': 'El router recibió solo parte del archivo; no lo usará.',
  'error.TFTP_READ_FAILED.fix': 'Asegúrate de que el archivo no se cambie ni se borre durante la transferencia, y vuelve a empezar.',
  'error.TFTP_CLIENT_RESTARTED.message': 'El router en {peer} volvió a empezar desde el principio la transferencia de «{file}».',
  'error.TFTP_CLIENT_RESTARTED.meaning': 'El router abandonó el intento anterior; el nuevo continúa abajo.',
  'error.TFTP_CLIENT_RESTARTED.fix': 'No hay nada que hacer, salvo que siga reiniciando: entonces revisa el cable y los ajustes de tiempo de espera del router.',
  'error.TFTP_SERVER_STOPPED.message':
    '{file, select, none {Se detuvo el servidor TFTP.} other {Se detuvo el servidor TFTP durante la transferencia de «{file}».}}',
  'error.TFTP_SERVER_STOPPED.meaning': '{file, select, none {} other {El router no recibió el archivo completo.}}',
  'error.TFTP_SERVER_STOPPED.fix': '{file, select, none {} other {Vuelve a iniciar el servidor y después reinicia la transferencia en el router.}}',
  'error.TFTP_FILE_NOT_FOUND.message': `El router en {peer} ${WHAT}, pero ese archivo no está en la carpeta servida.`,
  'error.TFTP_FILE_NOT_FOUND.meaning': 'Los gestores de arranque piden un nombre exacto. No se envió nada.',
  'error.TFTP_FILE_NOT_FOUND.fix': 'Copia el archivo de firmware en la carpeta servida con el nombre exacto «{file}» y vuelve a intentarlo en el router.',
  'error.TFTP_REFUSED.message': `El router en {peer} ${WHAT}; Rescue Bench se negó.`,
  'error.TFTP_REFUSED.meaning':
    'Solo se envían archivos de dentro de la carpeta servida{op, select, write {, y las subidas solo van a la carpeta de subidas} other {}}. Motivo: {why}.',
  'error.TFTP_REFUSED.fix':
    '{op, select, write {Para aceptar subidas, elige una carpeta de subidas y vuelve a iniciar el servidor.} other {Pon el archivo en sí (no un enlace a otro sitio) en la carpeta servida.}}',
  'error.TFTP_UPLOAD_EXISTS.message': `El router en {peer} ${WHAT}, pero ya hay un archivo con ese nombre en la carpeta de subidas.`,
  'error.TFTP_UPLOAD_EXISTS.meaning': 'Rescue Bench nunca reemplaza un archivo salvo que la sobrescritura esté activada. No se cambió nada.',
  'error.TFTP_UPLOAD_EXISTS.fix': 'Mueve o cambia el nombre del archivo existente, o activa la sobrescritura, y vuelve a subirlo.',
  'error.TFTP_BAD_OPTIONS.message': `El router en {peer} ${WHAT} con opciones de transferencia que no tienen sentido.`,
  'error.TFTP_BAD_OPTIONS.meaning': 'Se rechazó la petición para que el router no espere en vano.',
  'error.TFTP_BAD_OPTIONS.fix': 'Usa los ajustes TFTP predeterminados del router (en U-Boot: borra tftpblocksize y tftpwindowsize) y vuelve a intentarlo.',
  'error.TFTP_REQUEST_REFUSED.message': `El router en {peer} ${WHAT}; no se pudo atender la petición.`,
  'error.TFTP_REQUEST_REFUSED.meaning': '{why}',
  'error.TFTP_REQUEST_REFUSED.fix': 'Vuelve a intentarlo en el router. Si sigue fallando, mira los «Detalles».',
  'error.TFTP_HIDDEN_NAME.message':
    'El router en {peer} {op, select, read {pidió} other {intentó subir}} «{file}»; Rescue Bench se negó: los archivos ocultos nunca se {op, select, read {envían} other {escriben}}.',
  'error.TFTP_HIDDEN_NAME.meaning':
    'Los nombres que empiezan por un punto (como .ssh/id_ed25519) son archivos ocultos que guardan claves y ajustes, así que TFTP nunca los entrega ni los reemplaza, ni siquiera dentro de la carpeta servida. No se envió ni se escribió nada.',
  'error.TFTP_HIDDEN_NAME.fix':
    'Si el router de verdad necesita este archivo, cópialo en la carpeta servida con un nombre sin punto inicial (por ejemplo, «firmware.bin») y pide ese nombre.',
  'error.TFTP_FOLDER_MISSING.message': `La ${SERVED} «{folder}» {file, select, yes {es un archivo, no una carpeta} other {no se puede abrir}}.`,
  'error.TFTP_FOLDER_MISSING.meaning': 'El servidor TFTP no se inició.',
  'error.TFTP_FOLDER_MISSING.fix': `Elige una carpeta existente como ${SERVED}.`,
  'error.TFTP_NATIVE_MISSING.message': 'El motor TFTP rápido de un bloque cada vez no está disponible.',
  'error.TFTP_NATIVE_MISSING.meaning': `Se pidió expresamente, así que el servidor no se inició. El motor está ${ENGINE_WHY}.`,
  'error.TFTP_NATIVE_MISSING.fix': 'Instala un compilador de C y ejecuta `npm run build:native`, o inicia el servidor sin pedir el motor nativo.',
  'error.TFTP_FOLDER_TOO_WIDE.message': FOLDER_MESSAGE,
  'error.TFTP_FOLDER_TOO_WIDE.meaning': FOLDER_MEANING,
  'error.TFTP_FOLDER_TOO_WIDE.fix': FOLDER_FIX,
  'error.TFTP_FOLDER_PRIVATE.message': FOLDER_MESSAGE,
  'error.TFTP_FOLDER_PRIVATE.meaning': FOLDER_MEANING,
  'error.TFTP_FOLDER_PRIVATE.fix': FOLDER_FIX,
  'error.TFTP_FOLDER_SYSTEM.message': FOLDER_MESSAGE,
  'error.TFTP_FOLDER_SYSTEM.meaning': FOLDER_MEANING,
  'error.TFTP_FOLDER_SYSTEM.fix': FOLDER_FIX,
  'error.TFTP_ALIAS_REFUSED.message': `${ALIAS_WHAT} no se puede usar: ${ALIAS_WHY}.`,
  'error.TFTP_ALIAS_REFUSED.meaning':
    'Solo se envían archivos normales de dentro de la carpeta servida, pida el router el nombre que pida. El servidor TFTP no se inició.',
  'error.TFTP_ALIAS_REFUSED.fix':
    'Copia el firmware en la carpeta servida (sin punto inicial en el nombre) e indica ese archivo{file, select, none {} other { en lugar de «{file}»}}.',
  'error.TFTP_PUT_BAD_OPTION.message': 'El valor «{what}» de la subida no sirve: {problem}.',
  'error.TFTP_PUT_BAD_OPTION.meaning': 'No se envió nada al router.',
  'error.TFTP_PUT_BAD_OPTION.fix': '{fix}',
  'error.TFTP_PUT_NO_FILE.message': '{missing, select, yes {El archivo «{file}» no existe.} other {Rescue Bench no pudo leer el archivo «{file}».}}',
  'error.TFTP_PUT_NO_FILE.meaning': 'No se envió nada al router.',
  'error.TFTP_PUT_NO_FILE.fix':
    '{missing, select, yes {Revisa el nombre y la carpeta del archivo y vuelve a intentarlo.} other {Elige un archivo de firmware que puedas abrir (no una carpeta) y vuelve a intentarlo.}}',
  'error.TFTP_PUT_FILE_TOO_LARGE.message': 'El archivo «{file}» ocupa {size} bytes, más que cualquier firmware de router (límite {max} bytes).',
  'error.TFTP_PUT_FILE_TOO_LARGE.meaning': 'Probablemente no es una imagen de firmware. No se envió nada al router.',
  'error.TFTP_PUT_FILE_TOO_LARGE.fix': 'Elige el archivo de firmware para este modelo de router.',
  'error.TFTP_PUT_NO_LOCAL_ADDRESS.message':
    '{address, select, none {Este equipo no pudo abrir un puerto de red para la subida.} other {Este equipo no puede enviar desde la dirección {address}{absent, select, yes {: ninguna conexión de red la tiene} other {}}.}}',
  'error.TFTP_PUT_NO_LOCAL_ADDRESS.meaning': 'No se envió nada al router.',
  'error.TFTP_PUT_NO_LOCAL_ADDRESS.fix':
    '{address, select, none {Vuelve a intentarlo; si sigue fallando, reinicia el equipo.} other {Da a este equipo la dirección {address} en el cable al router (el paso de red lo hace) y vuelve a intentarlo.}}',
  'error.TFTP_PUT_NO_ROUTE.message': 'Este equipo no tiene forma de llegar a {host}.',
  'error.TFTP_PUT_NO_ROUTE.meaning':
    'Ninguna de sus conexiones de red está en la red del router{address, select, none {} other { (o {address} no es una de sus direcciones)}}. No se envió nada.',
  'error.TFTP_PUT_NO_ROUTE.fix':
    'Conecta el cable a un puerto LAN del router y da a este equipo una dirección en la red del router (para {host}: los mismos tres primeros números, por ejemplo {example}), y vuelve a intentarlo.',
  'error.TFTP_PUT_NO_ANSWER.message': 'El router en {host} no respondió a la petición de subir «{file}».',
  'error.TFTP_PUT_NO_ANSWER.meaning':
    'Rescue Bench preguntó {tries} veces, con {seconds} s entre ellas, y no oyó nada. Normalmente el router no está (aún) en modo de rescate, tiene otra dirección, el cable está en el puerto WAN, o un cortafuegos de este equipo bloquea la respuesta (las respuestas TFTP llegan desde un puerto nuevo).',
  'error.TFTP_PUT_NO_ANSWER.fix':
    'Vuelve a poner el router en modo de rescate (fíjate en su luz de rescate), comprueba que el cable esté en un puerto LAN y que {host} sea la dirección de rescate del router. Si sigue sin responder, permite UDP desde {host} en el cortafuegos de este equipo (Linux: sudo ufw allow from {host}; Windows: permite Rescue Bench en el Firewall de Windows Defender).',
  'error.TFTP_PUT_TIMEOUT.message': 'El router en {host} dejó de responder en el bloque {block} de {blocks} de «{file}».',
  'error.TFTP_PUT_TIMEOUT.meaning':
    'Rescue Bench envió ese bloque {tries} veces, con {seconds} s entre ellas, sin respuesta. El router se reinició, se quedó sin corriente o se salió el cable; el archivo no llegó completo y el router no lo usará.',
  'error.TFTP_PUT_TIMEOUT.fix': 'Revisa el cable y la alimentación del router, vuelve a ponerlo en modo de rescate y empieza de nuevo la subida.',
  'error.TFTP_PUT_ROUTER_FULL.message': `El router en {host} se quedó sin espacio para «{file}»${AFTER}.`,
  'error.TFTP_PUT_ROUTER_FULL.meaning': `${SAID} El archivo es más grande de lo que admite el router; probablemente no es el firmware para este modelo.`,
  'error.TFTP_PUT_ROUTER_FULL.fix': 'Comprueba que el archivo de firmware sea para exactamente este modelo y versión de hardware, y vuelve a intentarlo.',
  'error.TFTP_PUT_REFUSED.message': 'El router en {host} rechazó la subida de «{file}».',
  'error.TFTP_PUT_REFUSED.meaning': `${SAID} Algunos modos de rescate solo aceptan un nombre de archivo exacto.`,
  'error.TFTP_PUT_REFUSED.fix': 'Usa el nombre de archivo que indican las instrucciones del router (la guía de rescate lo dice) y vuelve a intentarlo.',
  'error.TFTP_PUT_CONFUSED.message': `El router en {host} ya no reconoció la subida de «{file}»${AFTER}.`,
  'error.TFTP_PUT_CONFUSED.meaning': `${SAID} Probablemente reinició la transferencia por su lado.`,
  'error.TFTP_PUT_CONFUSED.fix': 'Vuelve a poner el router en modo de rescate y empieza de nuevo la subida.',
  'error.TFTP_PUT_ROUTER_ERROR.message': `El router en {host} detuvo la subida de «{file}»${AFTER}.`,
  'error.TFTP_PUT_ROUTER_ERROR.meaning': `${SAID} El archivo no llegó completo; el router no lo usará.`,
  'error.TFTP_PUT_ROUTER_ERROR.fix': 'Vuelve a iniciar la subida. Si el router dice lo mismo, comprueba que el archivo sea el firmware para este modelo.',
  'error.TFTP_PUT_ROUTER_SAID.message': 'El router en {host} respondió a la subida de «{file}» con un mensaje propio: «{text}».',
  'error.TFTP_PUT_ROUTER_SAID.meaning': `Esa no es una respuesta de transferencia de archivos; el programa de rescate del router se negó${AFTER}.`,
  'error.TFTP_PUT_ROUTER_SAID.fix': 'Lee el mensaje del router: suele nombrar el problema (archivo equivocado, modelo equivocado). Corrígelo y vuelve a intentarlo.',
  'error.TFTP_PUT_BAD_OPTIONS.message': 'El router en {host} respondió con opciones de transferencia que Rescue Bench no pidió.',
  'error.TFTP_PUT_BAD_OPTIONS.meaning': '{why}. La subida se detuvo antes de enviar ningún dato.',
  'error.TFTP_PUT_BAD_OPTIONS.fix': 'Vuelve a intentarlo con tamaño de bloque 512 (--blksize 512), que no envía opciones.',
  'error.TFTP_PUT_CANCELLED.message': 'Se canceló la subida de «{file}» a {host}{total, plural, =0 {} other { tras {bytes} de {total} bytes}}.',
  'error.TFTP_PUT_CANCELLED.meaning': 'El router no recibió el archivo completo y no lo usará.',
  'error.TFTP_PUT_CANCELLED.fix': 'Vuelve a iniciar la subida cuando estés listo; antes vuelve a poner el router en modo de rescate si ha salido de él.',
  'error.TFTP_PUT_SERVER_GONE.message': 'El router en {host} dejó de escuchar en el bloque {block} de {blocks} de «{file}».',
  'error.TFTP_PUT_SERVER_GONE.meaning':
    'Su servidor TFTP terminó la transferencia por su lado (se reinició o se rindió). El archivo no llegó completo; el router no lo usará.',
  'error.TFTP_PUT_SERVER_GONE.fix': 'Vuelve a poner el router en modo de rescate y empieza de nuevo la subida.',
  'error.TFTP_PUT_FILE_CHANGED.message': 'El archivo cambió en este equipo mientras «{file}» se enviaba a {host}.',
  'error.TFTP_PUT_FILE_CHANGED.meaning': 'Lo que recibió el router no es un archivo coherente; no debe usarse.',
  'error.TFTP_PUT_FILE_CHANGED.fix': 'Asegúrate de que nada escriba en el archivo de firmware, vuelve a poner el router en modo de rescate y envíalo de nuevo.',
  'error.TFTP_PUT_NOT_TFTP.message':
    'El router en {host} respondió a la subida de «{file}» con algo que no es un paquete de transferencia de archivos, tras {acked} de {blocks} bloques.',
  'error.TFTP_PUT_NOT_TFTP.meaning': 'Se detuvo la subida; el router no usará un archivo incompleto.',
  'error.TFTP_PUT_NOT_TFTP.fix': 'Vuelve a poner el router en modo de rescate y envía el archivo de nuevo. Si vuelve a pasar, envíalo con tamaño de bloque 512.',
  'error.TFTP_PUT_NATIVE_MISSING.message': 'El emisor rápido de un bloque cada vez no puede enviar esta subida.',
  'error.TFTP_PUT_NATIVE_MISSING.meaning': `Se pidió expresamente, así que no se envió nada: ${PUT_WHY}.`,
  'error.TFTP_PUT_NATIVE_MISSING.fix':
    'Deja la elección del motor en «auto» (entonces se usa el emisor de JavaScript), o compila el motor nativo con `npm run build:native`.',
  'tftp.cli.transfer.start':
    '{who}  {how, select, alias {pidió «{file}»; enviando «{served}» (alias)} any {pidió «{file}»; enviando «{served}» (respuesta para cualquier nombre)} read {enviando «{file}»} other {recibiendo «{file}»}}{size, select, none {} other { ({size})}}  blksize {blksize}{window, select, none {} other {, ventana {window}}}',
  'tftp.cli.transfer.progress': '{who}  {direction, select, read {enviando} other {recibiendo}} «{file}»  {bytes}{size, select, none {} other { de {size}}}  {rate}/s',
  'tftp.cli.transfer.done': '{who}  hecho «{file}»  {bytes} en {seconds} s ({rate}/s)  sha256 {sha256}',
  'tftp.cli.transfer.failed': '{who}  FALLÓ «{file}»: {reason}{fix, select, none {} other {  {fix}}}',
  'tftp.cli.transfer.unknown': 'error desconocido',
  'tftp.cli.serve.card': '{iface} tiene su propia dirección {address} para el router en {router} (se quita al final); pon esa dirección como dirección del servidor en el router.',
  'tftp.cli.serve.serving': 'Sirviendo {root} por TFTP en {bind, select, all {todas las conexiones de red} other {{bind}}}, puerto {port}{upload, select, none {; solo lectura} other {; las subidas van a {upload}}}.',
  'tftp.cli.serve.alias': 'Quien pida «{name}» recibe {file}.',
  'tftp.cli.serve.answerAny': 'Cualquier otro nombre que no esté en la carpeta recibe {file}.',
  'tftp.cli.serve.stop': 'Pulsa Ctrl-C para parar.',
  'tftp.cli.serve.slowEngine': 'Las transferencias paso a paso usan el motor JavaScript, más lento: el nativo está {why}.',
  'tftp.cli.put.start': '{to}  enviando «{file}» como «{remote}»',
  'tftp.cli.put.progress': '{to}  {bytes} de {total}  {percent} %  {rate}/s',
  'tftp.cli.put.done':
    '{to}  hecho: el router confirmó los {bytes} de «{remote}» en {seconds} s ({rate}/s, blksize {blksize}{window, select, none {} other {, ventana {window}}})  sha256 {sha256}',
  'tftp.cli.put.result': 'Hecho. El router en {host} confirmó cada bloque de «{remote}» ({bytes} bytes, sha256 {sha256}).',
};
