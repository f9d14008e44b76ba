import type { en } from './en';

/** The nmrp capability's words in Spanish (see en.ts). */
export const es: { readonly [K in keyof typeof en]: string } = {
  'nmrp.step.check': 'Comprobar el archivo de firmware',
  'nmrp.step.prepare': 'Preparar este equipo',
  'nmrp.step.find': 'Encontrar el router',
  'nmrp.step.asks': 'El router pide el firmware',
  'nmrp.step.send': 'Enviar el firmware',
  'nmrp.step.write': 'El router lo escribe',
  'nmrp.step.done': 'Terminado',
  'nmrp.steps': 'Pasos',

  'nmrp.led.waiting': 'Al encenderlo, la luz de encendido se enciende y, en la mayoría de modelos, parpadea mientras el router busca este equipo.',
  'nmrp.led.writing': 'Mientras escribe, la luz de encendido parpadea (una vez por segundo en la mayoría de modelos). No lo apagues.',
  'nmrp.led.done': 'Terminado: en la mayoría de modelos la luz de encendido sigue parpadeando, más rápido o de otro color, hasta que apagues el router.',

  'nmrp.guide.title': 'Antes de empezar',
  'nmrp.guide.off': 'Apaga el router.',
  'nmrp.guide.offWhy': 'No hace falta ningún botón: el router busca este equipo cada vez que arranca, durante más o menos un segundo.',
  'nmrp.guide.cable': 'Conecta un cable de este equipo directamente a uno de los puertos LAN del router (1–4, normalmente amarillos).',
  'nmrp.guide.cableWhy': 'No al puerto de Internet, y sin ningún switch en medio.',
  'nmrp.guide.start': 'Pulsa «Empezar».',
  'nmrp.guide.startWhy': 'Cuando la pantalla diga «Enciende el router ahora», enciéndelo.',
  'nmrp.guide.wait': 'El router recibe el firmware, lo escribe (unos minutos) y luego espera. Apágalo y vuelve a encenderlo cuando la pantalla lo diga.',
  'nmrp.guide.permission':
    'Esto es el NMRP de Netgear (un modo de rescate incluido en el bootloader del router, el pequeño programa que lo arranca). Necesita permiso para enviar tramas de red en bruto; si este equipo te pide la contraseña, es por eso.',

  'nmrp.image.dni':
    'Firmware de fábrica de Netgear (imagen DNI) para el {board}{model, select, none {} other { ({model})}}. Comprueba que la etiqueta de debajo del router dice {board}.',
  'nmrp.image.chk':
    'Firmware de Netgear (.chk) para la placa {board}{model, select, none {} other { — es el {model}}}. Comprueba que coincide con la etiqueta del router.',
  'nmrp.image.chkUnknown': 'Firmware de Netgear (.chk) para una placa desconocida. Comprueba que coincide con la etiqueta del router.',
  'nmrp.image.facts': '{file}, {size}{version, select, none {} other {, versión {version}}}{region, select, none {} other {, {region}}}.',
  'nmrp.image.large':
    'Este archivo es grande: si el router rechaza los trozos de transferencia más grandes, el contador de trozos vuelve a empezar en 0, y algunos bootloaders no lo soportan (la subida falla entonces cerca del final).',
  'nmrp.image.label': 'La etiqueta de debajo de mi router dice',
  'nmrp.image.sameModel': 'el mismo modelo',

  'nmrp.setup.title': 'Rescatar un router Netgear',
  'nmrp.setup.lead':
    'Vuelve a poner el firmware de fábrica de Netgear (o la imagen «factory» de OpenWrt) en un router que ya no arranca. Tarda unos 5 minutos.',
  'nmrp.setup.file': 'Archivo de firmware (.chk o .img)',
  'nmrp.setup.fileExample': '/home/yo/firmware/R7800-V1.0.2.94.img',
  'nmrp.setup.check': 'Comprobar el archivo',
  'nmrp.setup.cable': 'Cable al router (conexión por cable)',
  'nmrp.setup.cableExample': 'eth0',
  'nmrp.setup.cableIn': ' — cable conectado',
  'nmrp.setup.noCable': ' — sin cable',
  'nmrp.setup.virtual': ' (virtual)',
  'nmrp.setup.findWaiting': 'Esperando: conecta el cable y enciende el router…',
  'nmrp.setup.find': 'Buscarla por mí',
  'nmrp.setup.region': 'Región (solo si lo dice el soporte de Netgear)',
  'nmrp.setup.keepRegion': 'Mantener la del router',
  'nmrp.setup.found': 'El router está en la conexión {name}. Apaga el router otra vez; lo enciendes después de pulsar «Empezar».',
  'nmrp.setup.more': 'Más ajustes (técnicos)',
  'nmrp.setup.timeout': 'Tiempo de respuesta (s; Orbi y RAX: 60)',
  'nmrp.setup.routerAddress': 'Dirección del router',
  'nmrp.setup.hostAddress': 'Dirección de este equipo',
  'nmrp.setup.start': 'Empezar',
  'nmrp.setup.needCheck': 'Comprueba primero el archivo de firmware.',
  'nmrp.setup.needLabel': 'Compara el nombre de la placa con la etiqueta de debajo del router y marca la casilla.',
  'nmrp.setup.needCable': 'Elige la conexión por cable a la que está enchufado el router.',

  'nmrp.grant.button': 'Permitir (pide tu contraseña)',
  'nmrp.grant.linux': 'Hecho: Rescue Bench ya puede enviar los mensajes de rescate. Ciérralo y vuelve a abrirlo para que tenga efecto.',
  'nmrp.grant.mac': 'Hecho: Rescue Bench puede enviar los mensajes de rescate hasta que este Mac se reinicie.',

  'nmrp.boot.question': 'Después de volver a encenderlo (dale 3 minutos): ¿comprobar que arranca?',
  'nmrp.boot.address': 'La dirección habitual del router',
  'nmrp.boot.checking': 'Comprobando…',
  'nmrp.boot.check': 'Comprobar que arrancó',
  'nmrp.boot.answers': 'El router responde en {address}: el firmware nuevo ha arrancado.',
  'nmrp.boot.answersWeb': 'El router responde en {address} y muestra su página web: el firmware nuevo ha arrancado.',
  'nmrp.boot.silent': 'Todavía no responde nada en {address}.',
  'nmrp.boot.dhcp': 'Reparte direcciones (DHCP): su firmware está en marcha.',
  'nmrp.boot.dhcpOffered': 'Reparte direcciones (DHCP, ofreció {offered}): su firmware está en marcha.',

  'nmrp.run.title': 'Rescate de Netgear',
  'nmrp.run.titleOn': 'Rescate de Netgear en {name}',
  'nmrp.run.stop': 'Detener',
  'nmrp.run.switchOffOn': 'Apaga el router, espera 10 segundos y vuelve a encenderlo.',
  'nmrp.run.starting': 'Empezando…',
  'nmrp.run.done':
    'Hecho. El router recibió {file}{board, select, none {} other { (para el {board})}}{sha, select, none {} other {, {size}, SHA-256 {sha}…}} y lo escribió. Ya puedes apagarlo sin peligro.',
  'nmrp.run.theFirmware': 'el firmware',
  'nmrp.run.sending': 'Enviando el firmware',
  'nmrp.run.progress': '{done} de {total} · {rate}',
  'nmrp.run.left': ' · quedan unos {seconds} s',
  'nmrp.run.writingFor': 'Escribiendo desde hace {time}; suele tardar de 2 a 5 minutos.',
  'nmrp.run.writingForBusy':
    'Escribiendo desde hace {time}; suele tardar de 2 a 5 minutos (el router dijo que está ocupado {count, plural, one {# vez} other {# veces}}).',
  'nmrp.run.details': 'Detalles (mensajes NMRP)',
  'nmrp.run.router': ' (router {mac})',
  'nmrp.run.ignored': 'Ignoradas: {malformed} tramas rotas y {ignored} otras; {confAcks} respuestas de ajustes, {keepAlives} keep-alives.',

  'nmrp.said.checking': 'Comprobando el archivo de firmware.',
  'nmrp.said.preparing': 'Preparando la conexión {name}: este equipo toma la dirección {address}.',
  'nmrp.said.waitingCable': 'Esperando al router: conecta el cable a uno de sus puertos LAN.',
  'nmrp.said.switchOn': 'Enciende el router ahora.',
  'nmrp.said.calling': 'Llamando al router. Enciende el router ahora.',
  'nmrp.said.switchOnHow': 'Enciende el router ahora (botón de encendido o enchufe).',
  'nmrp.said.found': 'El router respondió (dirección de hardware {mac}).',
  'nmrp.said.settings': 'El router pidió sus ajustes: recibe la dirección {address}.',
  'nmrp.said.settingsRegion': 'El router pidió sus ajustes: recibe la dirección {address}, región {region}.',
  'nmrp.said.settingsAgain': 'El router volvió a pedir sus ajustes (no recibió nuestra respuesta); se le respondió de nuevo.',
  'nmrp.said.asked': 'El router pidió el firmware. Enviándolo ahora.',
  'nmrp.said.askedName': 'El router pidió el firmware («{name}»). Enviándolo ahora.',
  'nmrp.said.askedAgain': 'El router volvió a pedir el archivo: puede que no acepte este firmware.',
  'nmrp.said.sending': 'Enviando el firmware al router. Deja el cable conectado y la corriente encendida.',
  'nmrp.said.uploaded': 'El router tiene el archivo completo. Ahora lo escribe en su memoria: tarda unos minutos. No lo apagues.',
  'nmrp.said.rolledOver': 'El contador de trozos volvió a empezar en 0 durante la subida; si el router no acepta el archivo, es por eso.',
  'nmrp.said.busy': 'El router está escribiendo el firmware y dice que sigue ocupado. No lo apagues.',
  'nmrp.said.done': 'Hecho: el router ha escrito el firmware y dice que el rescate ha terminado.',
  'nmrp.said.doneDoNow':
    'Apaga el router ahora, espera 10 segundos y vuelve a encenderlo. Entonces arranca el firmware nuevo (el primer arranque tarda unos minutos).',
  'nmrp.said.secondRouter': 'Un segundo router está hablando en este cable; se ignora mientras este termina.',
  'nmrp.said.addressNotRemoved': 'No se pudo quitar la dirección de este equipo.',
  'nmrp.said.framesIgnored': 'tramas de {mac} ignoradas',
  'nmrp.said.manyPieces':
    'El archivo necesita más de {max} trozos si el router rechaza el tamaño de trozo mayor ({blksize} bytes); el contador de trozos volvería entonces a empezar en 0, y algunos bootloaders no lo soportan.',
  'nmrp.said.imageDni':
    'Firmware de fábrica de Netgear (imagen DNI) para el {board}{version, select, none {} other {, versión {version}}}{model, select, none {} other { ({model})}}. Comprueba que la etiqueta de debajo del router dice {board}.',
  'nmrp.said.imageChk':
    'Firmware de Netgear (.chk) para la placa {board}{region, select, none {} other {, {region}}}{model, select, none {} other { — es el {model}}}. Comprueba que coincide con la etiqueta del router.',
  'nmrp.said.imageChkUnknown': 'Firmware de Netgear (.chk) para una placa desconocida{region, select, none {} other {, {region}}}. Comprueba que coincide con la etiqueta del router.',

  "nmrp.cli.uploaded": "{bytes, number, ::.00} MiB en {seconds, number, ::.00} s ({rate, number, ::.00} MiB/s, bloques de {blksize} bytes), sha256 {sha}",
  "nmrp.cli.progress": "{done, number, ::.00} MiB de {total, number, ::.00} MiB, {rate, number, ::.00} MiB/s",
  'nmrp.cli.done': 'Hecho. Apaga el router, espera 10 segundos y vuelve a encenderlo: arranca el firmware nuevo.',

  'error.NMRP_NO_ROUTER.message': 'El router no respondió en {seconds} segundos.',
  'error.NMRP_NO_ROUTER.meaning':
    'Un router Netgear solo escucha a este equipo un momento, justo después de encenderlo. No nos oyó, o no está arrancando de una forma que permita el rescate.',
  'error.NMRP_NO_ROUTER.fix':
    'Comprueba, en este orden:\n1. El cable va de este equipo directamente a uno de los puertos LAN del router (1–4, normalmente amarillos), no al puerto de Internet{carrier, select, never { — este equipo nunca vio el cable conectado} other {}}.\n2. El router se encendió solo después de pulsar «Empezar». Apágalo, pulsa «Empezar», espera a «Enciende el router ahora» y entonces enciéndelo.\n3. No hay nada entre el router y este equipo (ni switch ni dock): un switch retrasa el enlace y el router deja de escuchar antes de vernos.\n4. Algunos modelos solo escuchan si se mantiene pulsado el botón Reset al encenderlos: mantenlo pulsado con un alfiler, enciende y sigue pulsando 10 segundos.\n5. Algunos modelos de Netgear no usan este rescate, pero aceptan una subida TFTP simple: mira la página del router en la guía.',
  'error.NMRP_TWO_ROUTERS.message': 'Respondieron dos routers en el mismo cable.',
  'error.NMRP_TWO_ROUTERS.meaning': 'Rescue Bench no puede saber cuál debe recibir el firmware ({first} y {second}), y no va a adivinarlo.',
  'error.NMRP_TWO_ROUTERS.fix':
    'Conecta a este equipo solo el router que quieres rescatar (sin un switch con otros routers Netgear) y vuelve a empezar.',
  'error.NMRP_OTHER_SERVER.message': 'Otro equipo en este cable también está intentando rescatar un router.',
  'error.NMRP_OTHER_SERVER.meaning': 'Sus mensajes de rescate (desde {mac}) confundirían al router sobre de dónde sacar su firmware.',
  'error.NMRP_OTHER_SERVER.fix': 'Cierra nmrpflash o el otro programa de rescate (o desconecta ese equipo) y vuelve a empezar.',
  'error.NMRP_ROUTER_SILENT.message':
    '{after, select, writing {El router dejó de hablar mientras escribía el firmware (nada durante {seconds} segundos).} other {El router se quedó callado mientras esperábamos {waitingFor} ({seconds} segundos).}}',
  'error.NMRP_ROUTER_SILENT.meaning':
    '{after, select, writing {Puede que se reiniciara, se quedara sin corriente o que su bootloader se rindiera. El firmware puede estar completo o no.} configured {Tomó su dirección pero nunca pidió el archivo. Pasa cuando se reinicia o cuando necesita más tiempo (modelos Orbi y RAX).} other {Dejó de responder en mitad del rescate.}}',
  'error.NMRP_ROUTER_SILENT.fix':
    '{after, select, writing {Mira la luz de encendido. Si parpadea, espera; si el router se reinició, deja que arranque y comprueba si funciona. Si no arranca, vuelve a hacer el rescate.} other {Apaga el router, vuelve a empezar y enciéndelo cuando se te pida. Para los modelos Orbi y RAX pon el tiempo de respuesta en 60 segundos.}}',
  'error.NMRP_IMAGE_REJECTED.message': 'El router pidió el archivo {times} veces: no acepta este firmware.',
  'error.NMRP_IMAGE_REJECTED.meaning': 'Su bootloader comprobó el archivo y lo rechazó, casi siempre porque es para otro modelo u otra región.',
  'error.NMRP_IMAGE_REJECTED.fix':
    'Compara el nombre de placa de la etiqueta del router con el de este archivo, descarga de Netgear el firmware de fábrica para ese modelo exacto y vuelve a empezar.',
  'error.NMRP_TFTP_NO_ANSWER.message': 'El router pidió el firmware pero no aceptó el primer trozo.',
  'error.NMRP_TFTP_NO_ANSWER.meaning':
    'Normalmente este equipo no pudo llegar a {routerIp} (su consulta de direcciones, ARP, no tuvo respuesta) o un cortafuegos de este equipo bloquea la transferencia (TFTP).',
  'error.NMRP_TFTP_NO_ANSWER.fix':
    'Permite Rescue Bench en el cortafuegos del equipo, deja el cable directo entre el router y el equipo y vuelve a empezar. Rescue Bench ya añade una entrada ARP fija para el router.',
  'error.NMRP_UPLOAD_INTERRUPTED.message': 'La subida se detuvo al {percent} %: el router dejó de aceptar el archivo.',
  'error.NMRP_UPLOAD_INTERRUPTED.meaning':
    'Lo más probable es que el router se reiniciara (corriente, o su bootloader se rindió). Todavía no se escribió nada: los routers solo escriben cuando ha llegado el archivo entero.',
  'error.NMRP_UPLOAD_INTERRUPTED.fix': 'Deja el router apagado 10 segundos, vuelve a empezar y enciéndelo cuando se te pida.',
  'error.NMRP_IMAGE_TOO_BIG.message': 'El archivo es demasiado grande para este rescate ({size} MiB).',
  'error.NMRP_IMAGE_TOO_BIG.meaning':
    'La transferencia de archivos de un bootloader cuenta trozos hasta 65535; con los trozos más grandes que aceptan los routers (1456 bytes) eso son {max} MiB.',
  'error.NMRP_IMAGE_TOO_BIG.fix': 'Comprueba que es el firmware de fábrica de este router (son mucho más pequeños); un archivo tan grande no lo es.',
  'error.NMRP_CANCELLED.message': 'Se detuvo el rescate.',
  'error.NMRP_CANCELLED.meaning': 'No se envía nada más al router; se deshace la configuración de red de este equipo.',
  'error.NMRP_CANCELLED.fix': 'Apaga el router. Vuelve a empezar cuando estés listo.',
  'error.NMRP_NOT_NETGEAR_IMAGE.message': 'Este archivo no es una imagen de firmware de Netgear.',
  'error.NMRP_NOT_NETGEAR_IMAGE.meaning':
    'El rescate de Netgear solo acepta imágenes de fábrica de Netgear (archivos .chk, o .img en modelos como el R7800); el router rechazaría cualquier otra cosa, o algo peor.',
  'error.NMRP_NOT_NETGEAR_IMAGE.fix':
    'Descarga el firmware de fábrica para este modelo exacto desde la página de soporte de Netgear (o la imagen «factory» de OpenWrt para él) y elige ese archivo.',
  'error.NMRP_IMAGE_DAMAGED.message': 'Este archivo de firmware está dañado: su suma de comprobación no coincide.',
  'error.NMRP_IMAGE_DAMAGED.meaning':
    'Probablemente se cortó o cambió durante la descarga. El router lo rechazaría o escribiría un firmware roto.',
  'error.NMRP_IMAGE_DAMAGED.fix': 'Vuelve a descargar el archivo y elige la copia nueva.',
  'error.NMRP_CLOSED_EARLY.message': 'El router terminó el rescate antes de pedir el firmware.',
  'error.NMRP_CLOSED_EARLY.meaning': 'No se le envió nada.',
  'error.NMRP_CLOSED_EARLY.fix': 'Apaga el router y vuelve a empezar; si vuelve a pasar, puede que no acepte el rescate desde este equipo.',
  'error.NMRP_BUSY.message': 'Ya hay un rescate de Netgear en marcha.',
  'error.NMRP_BUSY.meaning': 'Este programa rescata los routers de uno en uno.',
  'error.NMRP_BUSY.fix': 'Espera a que termine, o detenlo primero.',
  'error.NMRP_FAILED.message': 'El rescate no terminó.',
  'error.NMRP_GRANT_UNAVAILABLE.message':
    '{why, select, windows {En Windows no hay aquí ningún permiso que Rescue Bench pueda pedir.} other {Este equipo no tiene una ventana de contraseña que Rescue Bench pueda usar para este permiso.}}',
  'error.NMRP_GRANT_UNAVAILABLE.meaning':
    '{why, select, windows {Npcap decide, una vez, al instalarse, quién puede enviar tramas de red en bruto.} other {Falta pkexec (polkit) o setcap, así que el permiso no se puede dar desde aquí.}}',
  'error.NMRP_GRANT_UNAVAILABLE.fix':
    '{why, select, windows {Si Npcap se instaló solo para administradores, cierra Rescue Bench y ábrelo con clic derecho en su icono → «Ejecutar como administrador». O vuelve a ejecutar el instalador de Npcap sin esa opción.} other {En un terminal: sudo setcap cap_net_raw+ep {binary} y luego vuelve a abrir Rescue Bench.}}',
  'error.NMRP_GRANT_REFUSED.message': 'No se dio el permiso.',
  'error.NMRP_GRANT_REFUSED.meaning': 'Se cerró la ventana de la contraseña, o la contraseña no se aceptó.',
  'error.NMRP_GRANT_REFUSED.fix': 'Vuelve a intentarlo y escribe la contraseña de un administrador de este equipo.',
  "nmrp.cli.note": "Nota:",
  'nmrp.cli.summary.recover': 'Rescatar un router Netgear mediante el NMRP de su gestor de arranque: le pide el firmware a este equipo por el cable',
  'nmrp.cli.usage.interface': 'Falta --interface IF: la conexión por cable a la que está conectado el router',
  'nmrp.cli.usage.file': 'Falta --file IMAGE: el firmware de fábrica de Netgear (.chk o .img)',
  'nmrp.cli.takes.region': 'NA, WW, GR, PR, RU, BZ, IN, KO, JP, AU, CA o US',
  'nmrp.cli.takes.seconds': 'segundos del {min} al {max}',
  'nmrp.cli.takes.routerIp': 'una dirección con su prefijo, como 10.164.183.253/24',
};
