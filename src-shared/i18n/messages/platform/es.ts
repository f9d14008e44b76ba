import type { en } from './en';

const PURPOSE =
  '{purpose, select, failsafe {oír los avisos del router en modo de rescate (failsafe)} hear {oír al router} tftp {enviar archivos al gestor de arranque del router por TFTP (la transferencia de archivos sencilla que usan los gestores de arranque de los routers)} screen {servir la pantalla de Rescue Bench a un navegador} other {{purposeText}}}';
const WHERE = 'el puerto {protocol} {port} en {address, select, all {todas las conexiones de red} other {{address}}}';
const TFTP_HINT =
  'Si el router usa U-Boot, quizá pueda usar un puerto alto: inicia el servidor en el puerto 6969 y escribe `setenv tftpdstp 6969` en la línea de órdenes de U-Boot del router antes de `tftpboot`. Solo funciona si ese U-Boot se compiló con la opción de puerto TFTP; si sigue pidiendo en el puerto 69, usa una de las soluciones de arriba. Otros gestores de arranque (rescate de TP-Link, Netgear, Ubiquiti) usan siempre el puerto 69.';

/** See en.ts: how to give this computer the rescue address by hand, per OS; the command is a value. */
export const RESCUE_ADDRESS_STEPS =
  '{os, select, win32 {Abre Configuración → Red e Internet → Ethernet → Asignación de IP → Editar → Manual, activa IPv4, dirección IP {address}, máscara de subred 255.255.255.0, deja vacía la puerta de enlace y pulsa Guardar. O bien, en un Símbolo del sistema ejecutado como administrador:} darwin {Abre Ajustes del Sistema → Red → la conexión por cable ({named, select, no {\'<\'nombre de la conexión por cable\'>\'} other {{itf}}}) → Detalles → TCP/IP, Configurar IPv4: Manualmente, dirección IP {address}, máscara de subred 255.255.255.0, router vacío, OK. O bien, en Terminal (añade la dirección junto a la actual hasta reiniciar):} other {Añade la dirección junto a la actual en la conexión por cable ({named, select, no {\'<\'nombre de la conexión por cable\'>\'} other {{itf}}}); dura hasta el próximo reinicio del equipo o de la conexión. En una terminal:}}';
export const RESCUE_ADDRESS_HOW_TO = `${RESCUE_ADDRESS_STEPS} {command}`;

/** The shared platform code's words in Spanish (see en.ts). */
export const es: { readonly [K in keyof typeof en]: string } = {
  'platform.purpose': PURPOSE,
  'platform.rescueAddress.steps': RESCUE_ADDRESS_STEPS,
  'platform.serialPort.label':
    '{kind, select, usb {Adaptador serie USB{maker, select, none {} other { ({maker})}}} builtin {Puerto serie integrado} other {Puerto serie}} — {path}',
  'error.PORT_IN_USE.message': `Otro programa ya está usando ${WHERE}.`,
  'error.PORT_IN_USE.meaning': `Rescue Bench necesita ese puerto para ${PURPOSE}. Dos programas no pueden ocuparlo a la vez.`,
  'error.PORT_IN_USE.fix':
    'Cierra el otro programa (a menudo otro servidor TFTP, un ayudante de Wireshark o un segundo Rescue Bench) y vuelve a intentarlo. {os, select, win32 {En el Símbolo del sistema, ejecuta: {command}  (el último número es el ID de proceso del programa; el Administrador de tareas lo muestra en «Detalles»).} darwin {En Terminal, ejecuta: {command}} other {En una terminal, ejecuta: {command}}}',
  'error.PORT_NOT_PERMITTED.message': `Este equipo no permitió a Rescue Bench abrir ${WHERE}.`,
  'error.PORT_NOT_PERMITTED.meaning': `Sin él, Rescue Bench no puede ${PURPOSE}.`,
  'error.PORT_NOT_PERMITTED.fix': `{os, select, linux {{low, select, yes {En Linux, los puertos por debajo de 1024 necesitan permisos especiales. Permite los puertos bajos para todos una vez: {sysctl}  (añádelo a /etc/sysctl.d/ para que se mantenga), o da el permiso al programa: {setcap}. {hint, select, tftp {${TFTP_HINT}} none {Donde el gestor de arranque del router lo permita, usa un puerto alto como el 6969.} other {{hintText}}}} other {Comprueba que ningún cortafuegos ni módulo de seguridad (AppArmor, SELinux) impida a Rescue Bench abrir puertos de red.}}} darwin {{low, select, yes {macOS anterior a 10.14 necesita permisos de administrador para puertos por debajo de 1024. Actualiza macOS o usa un puerto alto. {hint, select, tftp {${TFTP_HINT}} none {Usa un puerto como el 6969 donde el gestor de arranque lo permita.} other {{hintText}}}} other {Abre Ajustes del Sistema → Red → Firewall → Opciones y permite las conexiones entrantes para Rescue Bench.}}} other {Puede que el Firewall de Windows Defender esté bloqueando Rescue Bench. Abre «Permitir una aplicación a través de Firewall de Windows», marca Rescue Bench para redes privadas y vuelve a intentarlo.}}`,
  'error.ADDRESS_NOT_HERE.message': 'Este equipo no tiene la dirección {address}.',
  'error.ADDRESS_NOT_HERE.meaning': 'La conexión de red con esa dirección está desconectada, desactivada o ahora tiene otra dirección.',
  'error.ADDRESS_NOT_HERE.fix': 'Conecta el cable al router, revisa la dirección del equipo en esa conexión y vuelve a elegirla de la lista.',
  'error.BIND_FAILED.message': `Rescue Bench no pudo abrir ${WHERE}.`,
  'error.BIND_FAILED.meaning': `No puede ${PURPOSE} hasta que esto funcione.`,
  'error.BIND_FAILED.fix': 'Vuelve a intentarlo. Si sigue fallando, reinicia la conexión de red del equipo.',
  'error.SERIAL_NOT_FOUND.message': 'No hay ningún puerto serie llamado {port}.',
  'error.SERIAL_NOT_FOUND.meaning': 'El adaptador no está conectado o tiene otro nombre en este equipo.',
  'error.SERIAL_NOT_FOUND.fix':
    '{os, select, win32 {Conecta el adaptador y elígelo de la lista (el Administrador de dispositivos muestra su número COM en «Puertos»).} darwin {Conecta el adaptador y elígelo de la lista (en un Mac su nombre empieza por /dev/cu.).} other {Conecta el adaptador y elígelo de la lista (los adaptadores USB suelen ser /dev/ttyUSB0 o /dev/ttyACM0).}}',
  'error.SERIAL_NOT_PERMITTED.message': 'Este equipo no permitió a Rescue Bench abrir {port}.',
  'error.SERIAL_NOT_PERMITTED.meaning': 'La consola no puede hablar con el router hasta que esto se arregle.',
  'error.SERIAL_NOT_PERMITTED.fix':
    '{os, select, darwin {Cierra cualquier otro programa serie (screen, CoolTerm) y vuelve a intentarlo.} other {Añádete al grupo propietario de los puertos serie y luego cierra la sesión y vuelve a entrar: sudo usermod -aG dialout "$USER"  (en Arch y Fedora el grupo es uucp o dialout).}}',
  'error.SERIAL_BUSY.message': 'Otro programa está usando {port}.',
  'error.SERIAL_BUSY.meaning':
    '{why, select, access {La consola no puede hablar con el router hasta que esto se arregle.} other {Dos programas no pueden leer el mismo puerto serie.}}',
  'error.SERIAL_BUSY.fix':
    '{why, select, access {Cierra PuTTY, un segundo Rescue Bench o cualquier otro programa serie y vuelve a intentarlo.} other {{os, select, linux {Cierra screen, minicom o picocom. Si ModemManager se apodera del adaptador, detenlo: sudo systemctl stop ModemManager} other {Cierra el otro programa serie y vuelve a intentarlo.}}}}',
  'error.SERIAL_UNPLUGGED.message': 'El adaptador serie ({port}) dejó de responder.',
  'error.SERIAL_UNPLUGGED.meaning': 'Probablemente se desconectó o se quedó sin alimentación.',
  'error.SERIAL_UNPLUGGED.fix': 'Vuelve a conectarlo; la consola se reconecta sola.',
  'error.SERIAL_FAILED.message': 'Rescue Bench no pudo usar {port}.',
  'error.SERIAL_FAILED.meaning': 'La consola no está conectada.',
  'error.SERIAL_FAILED.fix': 'Desconecta el adaptador, vuelve a conectarlo y abre de nuevo el puerto.',
  'error.SERIAL_SIGNALS_UNSUPPORTED.message': '{port} no admite DTR, RTS ni break.',
  'error.SERIAL_SIGNALS_UNSUPPORTED.meaning':
    'Este puerto no tiene esas líneas (un puerto virtual, o un adaptador cableado solo con TX, RX y tierra). La consola en sí sigue funcionando.',
  'error.SERIAL_SIGNALS_UNSUPPORTED.fix':
    'No hay nada que hacer, salvo que tu router necesite DTR/RTS para reiniciarse: en ese caso usa un adaptador que tenga esos pines cableados.',
  'error.NET_BAD_INTERFACE_NAME.message': '«{name}» no es un nombre de conexión de red que Rescue Bench pueda usar.',
  'error.NET_BAD_INTERFACE_NAME.meaning':
    'Se rechazan los nombres con comillas, punto y coma, signos de dólar o caracteres parecidos, para que solo se pueda cambiar la conexión prevista. No se cambió nada.',
  'error.NET_BAD_INTERFACE_NAME.fix': 'Elige la conexión de la lista de interfaces de este equipo (rescue-bench net list las muestra).',
  'error.NET_BAD_ADDRESS.message': '{kind, select, ip {«{value}» no es una dirección IPv4.} target {«{value}» no es una dirección IPv4.} other {«{value}» no es una dirección con su tamaño de red.}}',
  'error.NET_BAD_ADDRESS.meaning':
    '{kind, select, ip {No se cambió nada.} target {La dirección del router se parece a 192.168.0.1.} other {Rescue Bench necesita la dirección y la longitud del prefijo, como 192.168.0.66/24. No se cambió nada.}}',
  'error.NET_BAD_ADDRESS.fix': '{kind, select, ip {Escríbela como 192.168.0.1.} target {Da la dirección del router como cuatro números separados por puntos.} other {Escríbela como DIRECCIÓN/PREFIJO, p. ej., 192.168.0.66/24.}}',
  'error.NET_BAD_MAC.message': '«{value}» no es una dirección de hardware (MAC).',
  'error.NET_BAD_MAC.meaning': 'No se cambió nada.',
  'error.NET_BAD_MAC.fix': 'Escríbela como 00:11:22:33:44:55.',
  'error.NO_PDF_BROWSER.message': 'No se encontró ningún navegador en este equipo para crear el PDF.',
  'error.NO_PDF_BROWSER.meaning': 'El informe en sí está bien: solo la copia en PDF necesita Chrome, Edge o Chromium.',
  'error.NO_PDF_BROWSER.fix':
    'Guarda el informe como HTML (se abre en cualquier navegador y se imprime desde ahí) o instala Chromium (Debian: apt install chromium).',
  'error.NMRP_NO_INTERFACE.message': 'Este equipo no tiene ninguna conexión de red llamada «{iface}».',
  'error.NMRP_NO_INTERFACE.meaning': 'El rescate de Netgear habla con el router por una conexión de cable, y ese nombre no existe (o ya no existe).',
  'error.NMRP_NO_INTERFACE.fix':
    'Conecta el cable a este equipo y vuelve a elegir la conexión de cable de la lista (su nombre puede cambiar al volver a conectar un adaptador).',
  'error.NMRP_NO_RAW_PRIVILEGE.message':
    '{os, select, win32 {Npcap no dejó que Rescue Bench enviara los mensajes de rescate.} darwin {macOS no dejó que Rescue Bench enviara los mensajes de rescate.} other {Este equipo no dejó que Rescue Bench enviara los mensajes de rescate.}}',
  'error.NMRP_NO_RAW_PRIVILEGE.meaning':
    '{os, select, win32 {El rescate de Netgear (NMRP) habla por debajo del protocolo de internet, a través de Npcap, y Npcap se instaló solo para administradores («Restrict Npcap driver’s access to Administrators only»).} darwin {El rescate de Netgear (NMRP) habla por debajo del protocolo de internet, a través de los dispositivos de filtro de paquetes (/dev/bpf*), que solo pueden abrir los administradores.} other {El rescate de Netgear (NMRP) habla por debajo del protocolo de internet y necesita permiso para enviar tramas de red en bruto (CAP_NET_RAW), que los programas normales no tienen.}}',
  'error.NMRP_NO_RAW_PRIVILEGE.fix':
    '{os, select, win32 {Cierra Rescue Bench y vuelve a abrirlo con clic derecho en su icono → «Ejecutar como administrador». O vuelve a ejecutar el instalador de Npcap sin esa opción.} darwin {Pulsa «Permitir» e introduce tu contraseña: da acceso al grupo admin hasta el próximo reinicio (lo que hace ChmodBPF de Wireshark en cada arranque; instalar Wireshark con ChmodBPF lo hace permanente). O en Terminal: sudo chgrp admin /dev/bpf* && sudo chmod g+rw /dev/bpf*} other {Pulsa «Permitir» e introduce tu contraseña: da a este programa ese único permiso, una vez. O en una terminal: {command}; después vuelve a abrirlo.}}',
  'error.NMRP_LINK_DOWN.message': 'La conexión «{iface}» está desactivada.',
  'error.NMRP_LINK_DOWN.meaning': 'No pueden llegar mensajes al router por una conexión desactivada.',
  'error.NMRP_LINK_DOWN.fix': 'Activa la conexión de cable (o conecta su cable) y vuelve a intentarlo.',
  'error.NMRP_RAW_FAILED.message': 'Rescue Bench no pudo abrir «{iface}» para los mensajes de rescate.',
  'error.NMRP_RAW_FAILED.meaning': 'El rescate de Netgear necesita enviar y recibir tramas de red en bruto por esa conexión.',
  'error.NMRP_RAW_FAILED.fix':
    'Comprueba que la conexión sea un adaptador Ethernet con cable y vuelve a intentarlo; si sigue fallando, guarda los «Detalles» y envíanoslos.',
  'error.NMRP_NPCAP_BROKEN.message': 'Npcap está instalado, pero Rescue Bench no pudo usarlo.',
  'error.NMRP_NPCAP_BROKEN.meaning':
    'El rescate de Netgear envía sus mensajes al router a través de Npcap, y sus archivos no se pudieron cargar (una instalación antigua o dañada).',
  'error.NMRP_NPCAP_BROKEN.fix':
    'Instala el Npcap actual de npcap.com encima del antiguo (en su instalador marca «Install Npcap in WinPcap API-compatible Mode»; otras herramientas de rescate como nmrpflash también lo necesitan) y vuelve a abrir Rescue Bench.',
  'error.NMRP_NPCAP_MISSING.message': 'Npcap no está instalado en este equipo.',
  'error.NMRP_NPCAP_MISSING.meaning':
    'El rescate de Netgear habla con el router con mensajes de red en bruto, y Windows solo los envía a través de Npcap, un controlador de red gratuito.',
  'error.NMRP_NPCAP_MISSING.fix':
    'Instala Npcap de npcap.com: en su instalador marca «Install Npcap in WinPcap API-compatible Mode» (otras herramientas de rescate como nmrpflash también lo necesitan). Después vuelve a abrir Rescue Bench.',
  'error.NMRP_ADDON_MISSING.message':
    '{os, select, win32 {Falta la parte de Rescue Bench para tramas en bruto en Windows.} other {La parte de Rescue Bench para tramas en bruto no está compilada en este equipo.}}',
  'error.NMRP_ADDON_MISSING.meaning':
    '{os, select, win32 {El rescate de Netgear (NMRP) necesita una pequeña parte nativa que envía tramas de red en bruto a través de Npcap; esta copia se compiló sin ella.} other {El rescate de Netgear (NMRP) necesita una pequeña parte nativa que envía tramas de red en bruto; se compila con un compilador de C al instalar.}}',
  'error.NMRP_ADDON_MISSING.fix':
    '{os, select, win32 {Vuelve a instalar Rescue Bench con su instalador. Para compilarlo tú: npm run build:native en un «Developer Command Prompt» de Visual Studio.} darwin {Instala las herramientas de línea de órdenes de Xcode (xcode-select --install) y luego ejecuta npm run build:native.} other {Instala un compilador de C (sudo apt install gcc) y luego ejecuta npm run build:native.}}',
};
