import type { en } from './en';

/** The shared session code's words in Spanish (see en.ts). */
export const es: { readonly [K in keyof typeof en]: string } = {
  'error.CONNECT_REFUSED.message': 'El router en {host} rechazó una conexión {method, select, ssh {SSH} other {telnet}} en el puerto {port}.',
  'error.CONNECT_REFUSED.meaning':
    '{method, select, ssh {El router está ahí, pero no hay ningún servidor SSH escuchando. Las versiones antiguas de OpenWrt usan telnet en modo de rescate.} other {El router está ahí, pero no hay ningún servidor telnet escuchando en ese puerto.}}',
  'error.CONNECT_REFUSED.fix':
    '{method, select, ssh {Vuelve a intentarlo con telnet (elige «Automático» para probar los dos). Si el router aún está arrancando, espera 30 segundos.} other {Revisa el puerto o prueba con SSH. Si el router aún está arrancando, espera 30 segundos.}}',
  'error.CONNECT_TIMEOUT.message': 'El router en {host} no respondió.',
  'error.CONNECT_TIMEOUT.meaning': 'O el router no está en esa dirección, o aún está arrancando, o el cable está en el puerto equivocado.',
  'error.CONNECT_TIMEOUT.fix':
    'Comprueba que el cable va de este equipo a un puerto LAN (no WAN) y que este equipo tiene una dirección como 192.168.1.10. Luego vuelve a intentarlo.',
  'error.HOST_UNREACHABLE.message': 'Este equipo no tiene forma de llegar a {host}.',
  'error.HOST_UNREACHABLE.meaning': 'Ninguna conexión de red de este equipo está en la misma red que el router.',
  'error.HOST_UNREACHABLE.fix':
    'Conecta el cable y da a este equipo una dirección fija en la red del router, por ejemplo 192.168.1.10 con máscara 255.255.255.0.',
  'error.AUTH_FAILED.message': 'El router en {host} no aceptó el inicio de sesión.',
  'error.AUTH_FAILED.meaning': '{method, select, ssh {El nombre de usuario, la contraseña o la clave no son los que espera el router.} other {El nombre de usuario o la contraseña no son los que espera el router.}}',
  'error.AUTH_FAILED.fix':
    '{method, select, ssh {Revisa la contraseña. En modo de rescate (failsafe) el usuario es root, sin contraseña. Si pusiste una contraseña y la olvidaste, arranca el router en modo de rescate.} other {Revisa la contraseña. En modo de rescate el usuario es root, sin contraseña.}}',
  'error.CONNECT_FAILED.message': 'No se pudo abrir una sesión {method, select, ssh {SSH} other {telnet}} con {host}.',
  'error.CONNECT_FAILED.meaning': 'No se cambió nada en el router.',
  'error.CONNECT_FAILED.fix': 'Revisa el cable y la dirección, y vuelve a intentarlo.',
  'error.SESSION_LOST.message':
    '{what, select, closed {La conexión con el router está cerrada.} other {La conexión con el router en {host} se cortó {what, select, login {al iniciar sesión} prepare {al preparar la línea de comandos} run {mientras se ejecutaba un comando} start {al iniciar un comando} send {al enviar datos} idle {al copiar datos (sin datos durante {seconds} s)} exit {mientras se esperaba que el router confirmara el final de una copia} other {al copiar datos}}.}}',
  'error.SESSION_LOST.meaning':
    '{what, select, closed {Sin ella no se puede arreglar nada.} other {El paso no terminó. Lo que se estaba copiando está incompleto y no se guarda como bueno.}}',
  'error.SESSION_LOST.fix': '{what, select, closed {Vuelve a conectar.} other {Revisa el cable y que el router siga teniendo corriente, y vuelve a intentarlo.}}',
  'error.COMMAND_TIMEOUT.message': 'El router no terminó un comando en {seconds} segundos.',
  'error.COMMAND_TIMEOUT.meaning': 'Puede que esté muy ocupado o bloqueado. Se detuvo el comando.',
  'error.COMMAND_TIMEOUT.fix': 'Vuelve a intentarlo. Si vuelve a pasar, reinicia el router y conecta de nuevo.',
  'error.ROUTER_HAS_NO_NC.message': 'El router en {host} no tiene el comando «nc», que hace falta para copiar datos por telnet.',
  'error.ROUTER_HAS_NO_NC.meaning':
    'Telnet estropea los datos binarios, así que los bytes viajan por una conexión aparte que el router abre con `nc`. Sin él no se puede copiar nada por telnet; no se copió ni se guardó nada.',
  'error.ROUTER_HAS_NO_NC.fix':
    'Usa SSH si el router lo tiene (OpenWrt 15.05 y posteriores en modo de rescate), o arranca una imagen initramfs de OpenWrt que incluya nc, y vuelve a intentarlo.',
  'error.LOGIN_NO_PROMPT.message': 'El router en {host} aceptó la conexión telnet, pero nunca mostró un indicador.',
  'error.LOGIN_NO_PROMPT.meaning': 'Puede que aún esté arrancando, o que este puerto no sea la línea de comandos de un router.',
  'error.LOGIN_NO_PROMPT.fix': 'Espera medio minuto y vuelve a intentarlo. Si sigue pasando, reinicia el router en modo de rescate.',
  'error.SHELL_NOT_READY.message': 'El router en {host} no respondió a comandos después de iniciar sesión.',
  'error.SHELL_NOT_READY.meaning': 'El inicio de sesión por telnet funcionó, pero lo que respondió no es una línea de comandos que Rescue Bench pueda manejar.',
  'error.SHELL_NOT_READY.fix': 'Reinicia el router y vuelve a intentarlo. Si ves un menú en lugar de una línea de comandos, elige primero la opción de la línea de comandos (shell).',
  'error.ABORTED.message': 'Se detuvo la copia.',
  'error.CALLBACK_NOT_CONNECTED.message':
    '{port, select, none {El router en {host} no pudo enviar datos de vuelta a este equipo.} other {El router no se conectó de vuelta a este equipo ({host}, puerto TCP {port}).}}',
  'error.CALLBACK_NOT_CONNECTED.meaning':
    '{port, select, none {Por telnet, los datos en bloque viajan por una conexión aparte del router a este equipo, que abre el comando `nc` del router.} other {Por telnet, los datos en bloque viajan por una conexión aparte del router a este equipo. Algo la bloqueó, o el router no tiene el comando `nc`.}}',
  'error.CALLBACK_NOT_CONNECTED.fix':
    '{port, select, none {Permite en el cortafuegos de este equipo las conexiones entrantes para Rescue Bench en esta red, y vuelve a intentarlo.} other {Permite en el cortafuegos de este equipo las conexiones entrantes para Rescue Bench en esta red, y vuelve a intentarlo. Si el router tiene SSH, usa SSH.}}',
  'error.CALLBACK_LISTEN_FAILED.message': 'Este equipo no pudo abrir un puerto en {address} para que el router le envíe datos.',
  'error.CALLBACK_LISTEN_FAILED.meaning': 'Por telnet, el router envía los datos en bloque por una conexión aparte de vuelta a este equipo.',
  'error.CALLBACK_LISTEN_FAILED.fix': 'Comprueba que la dirección sigue siendo de este equipo (cable conectado) y vuelve a intentarlo.',
  'error.HOST_KEY_CHANGED.message': 'El router en {host}{mac, select, none {} other { (dirección física {mac})}} se identificó con una clave distinta de la de la última vez.',
  'error.HOST_KEY_CHANGED.meaning':
    'O es otro router en la misma dirección, o el router se restableció o se volvió a flashear, o algo entre este equipo y el router se hace pasar por él. Rescue Bench no inició sesión y no envió nada.',
  'error.HOST_KEY_CHANGED.fix':
    'Si volviste a flashear o cambiaste el router, elige «Olvidar la clave antigua» para este router y vuelve a conectar. Si es el mismo router y no cambió nada, comprueba que el cable va directamente a él.',
  'error.KNOWN_HOSTS_UNWRITABLE.message': 'Rescue Bench no pudo guardar la clave del router en {file}.',
  'error.KNOWN_HOSTS_UNWRITABLE.meaning': 'Sin ella, Rescue Bench no podría notar más adelante si algo se hace pasar por este router, así que no inició sesión.',
  'error.KNOWN_HOSTS_UNWRITABLE.fix': 'Comprueba que la carpeta de datos se puede escribir y que el disco tiene espacio libre, y vuelve a conectar.',
  'error.KNOWN_HOSTS_UNREADABLE.message': 'Rescue Bench no pudo leer su lista de claves de routers recordadas en {file}.',
  'error.KNOWN_HOSTS_UNREADABLE.meaning':
    'Esa lista es la forma en que Rescue Bench nota que algo se hace pasar por un router que conoce. Leerla como vacía volvería a confiar en cualquier clave, así que Rescue Bench no se conectó y dejó el archivo como estaba.',
  'error.KNOWN_HOSTS_UNREADABLE.fix':
    'Aparta el archivo (por ejemplo, cámbiale el nombre a {name}.bad) para empezar una lista nueva, o vuelve a poner una copia buena, y conecta de nuevo. Los routers conectados antes se recordarán de nuevo en su próxima conexión.',
  'error.TEXT_NOT_SENDABLE.message':
    '{kind, select, command {Rescue Bench se negó a enviar un comando al router en {host}: contiene {char, select, lf {un salto de línea} cr {un salto de línea (retorno de carro)} tab {un tabulador} esc {Escape} ctrlc {Ctrl-C} del {Suprimir} nel {un salto de línea (NEL)} lsep {un separador de línea} psep {un separador de párrafo} surrogate {un carácter sin forma UTF-8 (un sustituto suelto)} other {el carácter de control {code}}} en la posición {position}.} user {El nombre de usuario contiene {char, select, lf {un salto de línea} cr {un salto de línea (retorno de carro)} tab {un tabulador} esc {Escape} ctrlc {Ctrl-C} del {Suprimir} nel {un salto de línea (NEL)} lsep {un separador de línea} psep {un separador de párrafo} surrogate {un carácter sin forma UTF-8 (un sustituto suelto)} other {el carácter de control {code}}} en la posición {position}, que no se puede escribir en el inicio de sesión del router.} other {La contraseña contiene {char, select, lf {un salto de línea} cr {un salto de línea (retorno de carro)} tab {un tabulador} esc {Escape} ctrlc {Ctrl-C} del {Suprimir} nel {un salto de línea (NEL)} lsep {un separador de línea} psep {un separador de párrafo} surrogate {un carácter sin forma UTF-8 (un sustituto suelto)} other {el carácter de control {code}}} en la posición {position}, que no se puede escribir en el inicio de sesión del router.}}',
  'error.TEXT_NOT_SENDABLE.meaning':
    '{kind, select, command {El terminal del router actuaría sobre ese carácter en lugar de pasarlo (un salto de línea empezaría otro comando). No se envió nada.} user {Por telnet, el nombre de usuario se escribe en el terminal del router: un salto de línea o un carácter de control lo cortaría antes o ejecutaría el resto como un comando. No se envió nada.} other {Por telnet, la contraseña se escribe en el terminal del router: un salto de línea o un carácter de control la cortaría antes o ejecutaría el resto como un comando. No se envió nada.}}',
  'error.TEXT_NOT_SENDABLE.fix':
    '{kind, select, command {Es un fallo de Rescue Bench. Infórmalo, junto con lo que estabas haciendo.} user {Vuelve a escribir el nombre de usuario en una sola línea, sin Tab ni otras teclas especiales.} other {Vuelve a escribir la contraseña en una sola línea, sin Tab ni otras teclas especiales.}}',
  'session.note.sessionOnlyKey':
    'Se aceptó la clave {fingerprint} del router solo para esta conexión: en modo de rescate un router crea una clave nueva cada vez que arranca, así que no se guarda.',
  'session.note.firstKey': 'Primera conexión con {host}{mac, select, none {} other { ({mac})}}: su clave {fingerprint} queda guardada.',
  'session.note.telnetFallback': 'SSH no respondió ({code}); se conectó por telnet en su lugar.',
  'session.note.telnetPlain': 'Telnet lo envía todo sin cifrar: sirve con un cable directo al router, nunca a través de internet.',
};
