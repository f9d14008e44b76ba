#!/usr/bin/env python3
"""
STAND-IN — NOT A REAL ROUTER. A Netgear bootloader's NMRP side, for tests and benchmarks only.

No real program exists for the router end of NMRP (it lives inside Netgear's bootloaders), so this stand-in
speaks it from the published format and the bootloader behaviour recorded in
shared/reference/vendor-recovery-facts.md §5 (Delta Networks' bcm63xx U-Boot net/nmrp.c, the mt7621 U-Boot
net/nmrp.c, Peter Chubb's notes), checked in the same tests against nmrpflash, the tool people trust:

  listen for ADVERTISE (MAGIC "NTGR") -> CONF_REQ to the advertiser, every 0.5 s (5 times)
  CONF_ACK -> take DEV_IP (address/mask, and DEV_REGION if any), start the TFTP server (tftpd-hpa, a real one:
              in.tftpd -L -c) on that address -> TFTP_UL_REQ (FILE_NAME option unless --no-file-name),
              every 0.5 s (5 times) until the upload starts
  upload    -> the last TFTP DATA block (shorter than the block size) ends it; KEEP_ALIVE_REQ right after and
              then every --keepalive-every s (each re-sent every 0.5 s until KEEP_ALIVE_ACK), --keepalives times
  then      -> CLOSE_REQ every 0.5 s (12 times) until CLOSE_ACK; exit 0.

Frames are padded to 60 bytes; the reserved field is 0; only frames to this interface's MAC (or broadcast)
count. Events go to stdout as JSON lines with a time "t" (seconds since the epoch; for frames received, the
kernel's receive time of that frame, so a busy stand-in does not stretch the times it reports), for the test
and the benchmark: the span from "conf-req" (first) to "close-ack" is the same for every workstation program.

Faults for tests: --drop-conf-acks N ignores the first N CONF_ACKs (lost on the wire), --silent-after
{conf-ack,upload} stops answering there, --no-tftpd asks for the upload with no TFTP server listening (the
first block never gets an answer), --reset-at-bytes N "restarts" mid-upload: stops the TFTP server and drops
its address once N bytes arrived, then says nothing more.

Needs root (or CAP_NET_RAW and CAP_NET_ADMIN) inside a network namespace the test created.
"""
import argparse
import ctypes
import fcntl
import hashlib
import json
import os
import select
import signal
import socket
import struct
import subprocess
import sys
import time

ETH_P_ALL = 0x0003
ETHERTYPE_NMRP = 0x0912
PACKET_OUTGOING = 4
ADVERTISE, CONF_REQ, CONF_ACK, CLOSE_REQ, CLOSE_ACK, KEEP_ALIVE_REQ, KEEP_ALIVE_ACK, TFTP_UL_REQ = 1, 2, 3, 4, 5, 6, 7, 16
OPT_MAGIC, OPT_DEV_IP, OPT_DEV_REGION, OPT_FILE_NAME = 0x0001, 0x0002, 0x0004, 0x0181


SIOCGSTAMP = 0x8906
SO_ATTACH_FILTER = 26
SO_RCVBUFFORCE = 33
SKF_AD_PKTTYPE = 0xFFFFF000 + 4


def emit(event, at=None, **kw):
    kw.update(event=event, t=at if at is not None else time.time())
    sys.stdout.write(json.dumps(kw) + "\n")
    sys.stdout.flush()


def mac_text(b):
    return ":".join("%02x" % x for x in b)


def parse_nmrp(payload):
    """(code, {type: value}) or None. Trusts the NMRP length, not the (padded) frame length."""
    if len(payload) < 6:
        return None
    reserved, code, _id, length = struct.unpack("!HBBH", payload[:6])
    if reserved != 0 or length < 6 or length > len(payload):
        return None
    opts, off = {}, 6
    while off < length:
        if length - off < 4:
            return None
        otype, olen = struct.unpack("!HH", payload[off:off + 4])
        if olen < 4 or olen > length - off:
            return None
        opts[otype] = payload[off + 4:off + olen]
        off += olen
    return code, opts


def nmrp_msg(code, options=()):
    body = b"".join(struct.pack("!HH", t, 4 + len(v)) + v for t, v in options)
    return struct.pack("!HBBH", 0, code, 0, 6 + len(body)) + body


class Router:
    def __init__(self, a):
        self.a = a
        self.sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
        # Only frames that arrive (not the TFTP server's own ACKs), and room for a whole upload's worth of them:
        # a lost last DATA block would leave the stand-in waiting for an upload that has ended.
        self.attach_filter()
        self.sock.setsockopt(socket.SOL_SOCKET, SO_RCVBUFFORCE, 64 << 20)
        self.sock.bind((a.interface, 0))
        self.mac = self.sock.getsockname()[4]
        self.peer = None
        self.stamp = None
        self.last_at = None
        self.tftpd = None
        self.ip = None
        self.prefix = None
        self.upload = {"blksize": 512, "bytes": 0, "started": False, "done": False, "name": None, "port": None}

    def attach_filter(self):
        """Classic BPF: drop PACKET_OUTGOING (ld #pkttype; jeq #4 -> drop; ret all)."""
        prog = [(0x20, 0, 0, SKF_AD_PKTTYPE), (0x15, 0, 1, PACKET_OUTGOING), (0x06, 0, 0, 0), (0x06, 0, 0, 0x40000)]
        buf = ctypes.create_string_buffer(b"".join(struct.pack("HBBI", *ins) for ins in prog))
        self._filter = buf  # kept alive with the socket
        fprog = struct.pack("HL", len(prog), ctypes.addressof(buf))
        self.sock.setsockopt(socket.SOL_SOCKET, SO_ATTACH_FILTER, fprog)

    def send(self, code, options=()):
        frame = self.peer + self.mac + struct.pack("!H", ETHERTYPE_NMRP) + nmrp_msg(code, options)
        self.sock.send(frame.ljust(60, b"\0"))

    def frames(self, timeout):
        """Yield ('nmrp', src, code, opts) and ('tftp', None, 'wrq'|'done'|'reset', None) until `timeout` seconds have passed."""
        end = time.monotonic() + timeout
        while True:
            left = end - time.monotonic()
            if left <= 0:
                return
            r, _, _ = select.select([self.sock], [], [], left)
            if not r:
                return
            data, addr = self.sock.recvfrom(65536)
            if addr[2] == PACKET_OUTGOING or len(data) < 14:
                continue  # our own frames (the TFTP server's ACKs included) are not needed
            self.stamp = None
            etype = struct.unpack("!H", data[12:14])[0]
            if etype == ETHERTYPE_NMRP:
                dst = data[0:6]
                if dst != self.mac and dst != b"\xff" * 6:
                    continue
                m = parse_nmrp(data[14:])
                if m is None:
                    emit("malformed")
                    continue
                yield ("nmrp", data[6:12], m[0], m[1])
            elif etype == 0x0800 and self.ip is not None:
                change = self.watch_tftp(data[14:])
                if change:
                    # the upload started, ended or "reset": the caller acts on it now, as a bootloader's TFTP
                    # loop does (KEEP_ALIVE_REQ right after the last block), not at the end of its 0.5 s wait
                    yield ("tftp", None, change, None)

    def received_at(self):
        """The kernel's receive time of the frame just read (SIOCGSTAMP)."""
        if self.stamp is None:
            sec, usec = struct.unpack("@ll", fcntl.ioctl(self.sock, SIOCGSTAMP, b"\0" * 16))
            self.stamp = sec + usec / 1e6
        return self.stamp

    def watch_tftp(self, ip):
        """Follow the upload to our TFTP server: the WRQ's blksize (tftpd-hpa grants what is asked) and the last DATA block.
        Returns 'wrq', 'done' or 'reset' when the upload's state changed, else None."""
        if len(ip) < 28 or ip[9] != 17:
            return
        ihl = (ip[0] & 0x0F) * 4
        udp = ip[ihl:]
        if len(udp) < 8:
            return
        sport, dport = struct.unpack("!HH", udp[:4])
        tftp = udp[8:]
        if len(tftp) < 2:
            return
        op = struct.unpack("!H", tftp[:2])[0]
        u = self.upload
        if dport == 69 and op == 2:  # WRQ
            parts = tftp[2:].split(b"\0")
            u.update(started=True, name=parts[0].decode("latin1"), blksize=512, bytes=0, done=False, last_block=0, wraps=0)
            opts = parts[2:]
            for i in range(0, len(opts) - 1, 2):
                if opts[i].lower() == b"blksize":
                    u["blksize"] = int(opts[i + 1])
            emit("wrq", at=self.received_at(), name=u["name"], options={opts[i].decode("latin1"): opts[i + 1].decode("latin1") for i in range(0, len(opts) - 1, 2)})
            return "wrq"
        elif op == 3 and u["started"]:
            n = len(tftp) - 4
            block = struct.unpack("!H", tftp[2:4])[0]
            if block == 0 and u["last_block"] == 65535:
                u["wraps"] += 1  # the block number rolled over (only clients that do so)
            u["last_block"] = block
            # bytes so far, from the block number (a re-sent block counts once); the file on disk is checked at the end
            u["bytes"] = (u["wraps"] * 65536 + block - 1) * u["blksize"] + n
            change = None
            if n < u["blksize"] and not u["done"]:
                u["done"] = True
                u["last_data_at"] = self.received_at()
                change = "done"
            if self.a.reset_at_bytes and u["bytes"] >= self.a.reset_at_bytes and not u.get("reset"):
                u["reset"] = True
                self.stop()
                subprocess.run(["ip", "addr", "del", "%s/%d" % (self.ip, self.prefix), "dev", self.a.interface])
                emit("reset", bytes=u["bytes"])
                change = "reset"
            return change
        return None

    def start_tftpd(self, ip, prefix):
        subprocess.run(["ip", "addr", "replace", "%s/%d" % (ip, prefix), "dev", self.a.interface], check=True)
        self.ip = ip
        self.prefix = prefix
        if self.a.no_tftpd:
            return
        os.makedirs(self.a.tftp_dir, exist_ok=True)
        self.tftpd = subprocess.Popen(["in.tftpd", "-L", "-c", "-u", "root", "-s", self.a.tftp_dir, "-a", "%s:69" % ip], stdin=subprocess.DEVNULL)
        # a bootloader's TFTP server listens before it asks for the file: wait until tftpd has bound its port (a fixed
        # 50 ms was not always enough on a loaded machine, and a WRQ sent at once then went unanswered)
        want = "%08X:0045" % struct.unpack("<I", socket.inet_aton(ip))[0]
        end = time.monotonic() + 3
        while time.monotonic() < end:
            with open("/proc/net/udp") as f:
                if any(line.split()[1] == want for line in f.readlines()[1:]):
                    break
            time.sleep(0.005)

    def wait_for(self, codes, resend, tries, every=0.5):
        """Send `resend` (a code) now and every `every` s, up to `tries` times, until one of `codes` arrives."""
        for _ in range(tries):
            if resend is not None:
                self.send(*resend)
            for kind, src, code, opts in self.frames(every):
                if kind == "nmrp" and src == self.peer and code in codes:
                    self.last_at = self.received_at()
                    return code, opts
        return None, None

    def run(self):
        a = self.a
        emit("listening", mac=mac_text(self.mac))
        # 1. listen for an ADVERTISE
        deadline = time.monotonic() + a.listen
        while self.peer is None:
            if time.monotonic() > deadline:
                emit("no-advertise")
                return 3
            for kind, src, code, opts in self.frames(0.2):
                if code == ADVERTISE and opts.get(OPT_MAGIC) == b"NTGR":
                    self.peer = src
                    emit("advertise", src=mac_text(src))
                    break
        # 2. CONF_REQ until a CONF_ACK (dropping the first --drop-conf-acks of them)
        emit("conf-req")
        dropped = 0
        while True:
            code, opts = self.wait_for({CONF_ACK}, (CONF_REQ,), 5)
            if code is None:
                emit("gave-up", waiting="CONF_ACK")
                return 4
            if dropped < a.drop_conf_acks:
                dropped += 1
                emit("conf-ack-dropped")
                continue
            break
        dev_ip = opts.get(OPT_DEV_IP)
        region = opts.get(OPT_DEV_REGION)
        ip = socket.inet_ntoa(dev_ip[:4])
        mask = socket.inet_ntoa(dev_ip[4:8])
        prefix = bin(struct.unpack("!I", dev_ip[4:8])[0]).count("1")
        emit("conf-ack", ip=ip, mask=mask, region=(struct.unpack("!H", region)[0] if region and len(region) == 2 else None), options=sorted(opts.keys()))
        if a.silent_after == "conf-ack":
            emit("silent")
            time.sleep(a.linger)
            return 0
        self.start_tftpd(ip, prefix)
        # 3. TFTP_UL_REQ until the upload starts; a re-sent CONF_REQ is answered by a fresh CONF_ACK on their side
        ul = [(OPT_FILE_NAME, a.file_name.encode())] if a.file_name else []
        for _ in range(5):
            self.send(TFTP_UL_REQ, ul)
            emit("tftp-ul-req")
            for _k in self.frames(0.5):
                if self.upload["started"]:
                    break
            if self.upload["started"]:
                break
        if not self.upload["started"]:
            emit("gave-up", waiting="upload")
            return 5
        if self.a.no_tftpd:
            emit("no-server")
            time.sleep(a.linger)
            return 0
        # 4. the upload: until its last block, then until the file on disk has every byte
        end = time.monotonic() + a.upload_timeout
        while not self.upload["done"] and time.monotonic() < end:
            for _k in self.frames(0.5):
                if self.upload["done"] or self.upload.get("reset"):
                    break
            if self.upload.get("reset"):
                time.sleep(a.linger)
                return 0
        path = os.path.join(a.tftp_dir, self.upload["name"].lstrip("/"))
        if not self.upload["done"]:
            emit("upload-stalled", bytes=self.upload["bytes"])
            return 6
        def report_upload():
            # the file is waited for and hashed after the conversation (or before going silent), so neither delays
            # the router's next frame (a bootloader sends KEEP_ALIVE_REQ right after the last block)
            for _ in range(200):
                if os.path.exists(path) and os.path.getsize(path) >= self.upload["bytes"]:
                    break
                time.sleep(0.01)
            data = open(path, "rb").read()
            emit("uploaded", at=self.upload["last_data_at"], name=self.upload["name"], bytes=len(data), sha256=hashlib.sha256(data).hexdigest(), blksize=self.upload["blksize"])

        if a.silent_after == "upload":
            report_upload()
            emit("silent")
            time.sleep(a.linger)
            return 0
        # 5. keep-alives while "writing"
        for i in range(a.keepalives):
            if i:
                for _k in self.frames(a.keepalive_every):
                    pass
            code, _ = self.wait_for({KEEP_ALIVE_ACK}, (KEEP_ALIVE_REQ,), 5)
            emit("keep-alive-ack" if code else "keep-alive-unanswered", n=i + 1)
        # 6. close
        code, _ = self.wait_for({CLOSE_ACK}, (CLOSE_REQ,), 12)
        if code is None:
            emit("gave-up", waiting="CLOSE_ACK")
            report_upload()
            return 7
        emit("close-ack", at=self.last_at)
        report_upload()
        return 0

    def stop(self):
        if self.tftpd:
            self.tftpd.terminate()
            try:
                self.tftpd.wait(2)
            except subprocess.TimeoutExpired:
                self.tftpd.kill()


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    p.add_argument("--interface", required=True)
    p.add_argument("--tftp-dir", required=True)
    p.add_argument("--file-name", default="firmware", help="FILE_NAME sent in TFTP_UL_REQ ('' sends none)")
    p.add_argument("--keepalives", type=int, default=2)
    p.add_argument("--keepalive-every", type=float, default=15.0)
    p.add_argument("--drop-conf-acks", type=int, default=0)
    p.add_argument("--silent-after", choices=["never", "conf-ack", "upload"], default="never")
    p.add_argument("--listen", type=float, default=60.0)
    p.add_argument("--upload-timeout", type=float, default=60.0)
    p.add_argument("--linger", type=float, default=2.0)
    p.add_argument("--no-tftpd", action="store_true")
    p.add_argument("--reset-at-bytes", type=int, default=0)
    a = p.parse_args()
    r = Router(a)
    signal.signal(signal.SIGTERM, lambda *_: (r.stop(), sys.exit(143)))
    try:
        rc = r.run()
    finally:
        r.stop()
    sys.exit(rc)


if __name__ == "__main__":
    main()
