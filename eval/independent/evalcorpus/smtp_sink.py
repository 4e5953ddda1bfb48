"""A minimal SMTP server on stdin/stdout for `swaks --pipe`: it accepts one message and saves DATA to argv[1]."""
import sys


def main(out):
    w = sys.stdout.buffer
    r = sys.stdin.buffer
    w.write(b"220 sink.localdomain ESMTP\r\n")
    w.flush()
    while True:
        line = r.readline()
        if not line:
            return
        cmd = line.strip().upper()
        if cmd.startswith(b"EHLO"):
            w.write(b"250-sink.localdomain\r\n250-8BITMIME\r\n250 SIZE 52428800\r\n")
        elif cmd.startswith(b"HELO") or cmd.startswith(b"MAIL") or cmd.startswith(b"RCPT") or cmd.startswith(b"RSET"):
            w.write(b"250 OK\r\n")
        elif cmd == b"DATA":
            w.write(b"354 End data with <CR><LF>.<CR><LF>\r\n")
            w.flush()
            buf = []
            while True:
                l = r.readline()
                if not l or l.rstrip(b"\r\n") == b".":
                    break
                if l.startswith(b".."):
                    l = l[1:]
                buf.append(l)
            with open(out, "wb") as f:
                f.write(b"".join(buf))
            w.write(b"250 OK queued\r\n")
        elif cmd == b"QUIT":
            w.write(b"221 Bye\r\n")
            w.flush()
            return
        else:
            w.write(b"250 OK\r\n")
        w.flush()


if __name__ == "__main__":
    main(sys.argv[1])
