#!/usr/bin/env python3
"""
STAND-IN for a D-Link bootloader's recovery web server (uIP/0.9, "Emergency Room"). NOT the real thing: no real
program exists to install, so this imitates the documented behaviour for tests and benchmarks only
(vendor-recovery-facts.md section 4, forum.openwrt.org t/217633 and t/58248):
  - HTTP/1.0 only, one connection at a time, no keep-alive: every answer ends with the server closing;
  - a tiny receive window (SO_RCVBUF at the kernel's minimum, TCP_WINDOW_CLAMP one segment) and slow reads
    (--read-chunk bytes, then --read-delay-ms), like a bootloader that writes RAM between segments;
  - never sends "100 Continue" (an Expect header is ignored, as uIP ignores it);
  - GET / gives the upload page (a form posting multipart/form-data with the file in the field "firmware");
  - POST takes the body by Content-Length, keeps the part named "firmware" (written to --out), answers a success
    page, with headers or (--headerless) bare HTML, then closes; --refuse-after N answers an error page after N
    bytes of the file and closes without reading the rest (the early close a router does on a bad header);
  - --drop-after N: after N body bytes the connection is reset without any answer (a router that restarts mid-upload);
  - --reboot-ms: after a good upload it stops listening for that long, then answers as the "new firmware" would.
Prints one JSON line per event on stdout: listening, request, received, refused, rebooted.
"""
import argparse, hashlib, json, socket, struct, sys, time

p = argparse.ArgumentParser()
p.add_argument('--bind', default='192.168.0.1')
p.add_argument('--port', type=int, default=80)
p.add_argument('--out', required=True)
p.add_argument('--read-chunk', type=int, default=1460)
p.add_argument('--read-delay-ms', type=float, default=0.0)
p.add_argument('--headerless', action='store_true')
p.add_argument('--refuse-after', type=int, default=-1)
p.add_argument('--reboot-ms', type=int, default=-1)
p.add_argument('--drop-after', type=int, default=-1, help='after this many body bytes, drop the connection without a word (a router that restarts)')
p.add_argument('--uploads', type=int, default=0, help='exit after this many uploads (0 = never)')
a = p.parse_args()

PAGE = (b'<html><head><title>D-Link Router Recovery Mode</title></head><body><h1>Emergency Room</h1>'
        b'<p>Firmware upgrade</p><form action="/" method="post" enctype="multipart/form-data">'
        b'<input type="file" name="firmware"><input type="submit" value="Upload"></form></body></html>')
OK_PAGE = b'<html><body><h2>Upload successfully!</h2><p>Device is upgrading the firmware. Please DO NOT power off the device.</p><p>The device will reboot.</p></body></html>'
BAD_PAGE = b'<html><body><h2>Update Failed!</h2><p>Invalid firmware image.</p></body></html>'
HOME = b'<html><head><title>D-LINK SYSTEMS, INC. | WIRELESS ROUTER | HOME</title></head><body>Login</body></html>'

def say(**kw):
    sys.stdout.write(json.dumps(kw) + '\n')
    sys.stdout.flush()

def listen():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1)          # the kernel's minimum: a tiny window
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_WINDOW_CLAMP, 1460)  # about one segment in flight
    s.bind((a.bind, a.port))
    s.listen(1)
    return s

def slow_recv(c, n):
    d = c.recv(min(n, a.read_chunk))
    # uIP acknowledges every segment at once (it has no delayed ACK): without this, Linux would hold each ACK
    # for ~40 ms and a one-segment window would crawl at ~30 kB/s, which no router does
    try:
        c.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
    except OSError:
        pass
    if a.read_delay_ms > 0:
        time.sleep(a.read_delay_ms / 1000.0)
    return d

def answer(c, body, status='200 OK'):
    data = body if a.headerless else (b'HTTP/1.0 ' + status.encode() + b'\r\nContent-Type: text/html\r\n\r\n' + body)
    c.sendall(data)
    # lingering close: stop sending, drain briefly, close (a plain close with unread data would reset the answer away)
    try:
        c.shutdown(socket.SHUT_WR)
        c.settimeout(0.5)
        while c.recv(65536):
            pass
    except OSError:
        pass
    c.close()

rebooted = False
uploads = 0
srv = listen()
say(event='listening', bind=a.bind, port=a.port)
while True:
    c, peer = srv.accept()
    c.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1)
    t0 = time.time()
    buf = b''
    while b'\r\n\r\n' not in buf and len(buf) < 16384:
        d = slow_recv(c, 4096)
        if not d:
            break
        buf += d
    head, _, rest = buf.partition(b'\r\n\r\n')
    lines = head.decode('latin1').split('\r\n')
    method = lines[0].split(' ')[0] if lines and lines[0] else ''
    hdrs = {}
    for l in lines[1:]:
        k, _, v = l.partition(':')
        hdrs[k.strip().lower()] = v.strip()
    say(event='request', method=method, line=lines[0] if lines else '', expect=hdrs.get('expect'), peer=peer[0])
    if method != 'POST':
        answer(c, HOME if rebooted else PAGE)
        continue
    length = int(hdrs.get('content-length', '0') or 0)
    boundary = hdrs.get('content-type', '').split('boundary=')[-1].strip('"').encode()
    body = bytearray(rest)  # appended in place: bytes += bytes would copy the whole body per segment
    refused = False
    marker = b'name="firmware"'
    while len(body) < length:
        if a.refuse_after >= 0 and marker in body:
            start = body.find(b'\r\n\r\n', body.find(marker)) + 4
            if start >= 4 and len(body) - start >= a.refuse_after:
                refused = True
                break
        if a.drop_after >= 0 and len(body) >= a.drop_after:
            break
        d = slow_recv(c, length - len(body))
        if not d:
            break
        body.extend(d)
    if a.drop_after >= 0 and len(body) < length:
        say(event='dropped', bytes=len(body))
        c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))  # reset, as a power cut would
        c.close()
        continue
    if refused:
        say(event='refused', bytes=len(body))
        answer(c, BAD_PAGE)
        continue
    i = body.find(marker)
    ok = i >= 0 and len(body) >= length
    data = b''
    if ok:
        s = body.find(b'\r\n\r\n', i) + 4
        e = body.find(b'\r\n--' + boundary, s)
        ok = e >= 0
        data = bytes(body[s:e]) if ok else b''
    if not ok:
        say(event='refused', bytes=len(body), reason='no complete firmware part')
        answer(c, BAD_PAGE)
        continue
    with open(a.out, 'wb') as f:
        f.write(data)
    say(event='received', bytes=len(data), sha256=hashlib.sha256(data).hexdigest(), ms=round((time.time() - t0) * 1000, 1), expect=hdrs.get('expect'))
    answer(c, OK_PAGE)
    uploads += 1
    if a.uploads and uploads >= a.uploads:
        break
    if a.reboot_ms >= 0:
        srv.close()
        time.sleep(a.reboot_ms / 1000.0)
        rebooted = True
        srv = listen()
        say(event='rebooted')
