"""Opens N connections to a running hoidap from 127.0.0.1, each sending the
headers of a question and the first byte of its body, then stalling: issue
14, finding 5. While they are held, asks /healthz and a question from
127.0.0.2 and prints how long each took, and the server's open descriptors.

    python3 slow-conns.py 127.0.0.1:18183 19000 PID
"""
import os, socket, sys, time, urllib.request, json

addr, n, pid = sys.argv[1], int(sys.argv[2]), sys.argv[3]
host, port = addr.rsplit(':', 1)
slow = ('POST /api/v1/ask HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\n'
        'Content-Length: 10000\r\n\r\n{' % addr).encode()
conns, failed = [], 0
for _ in range(n):
    s = socket.socket()
    s.settimeout(2)
    try:
        s.connect((host, int(port)))
        s.sendall(slow)
        conns.append(s)
    except OSError:
        failed += 1
        s.close()
print('slow connections: %d open, %d failed' % (len(conns), failed))
print('server descriptors: %d' % len(os.listdir('/proc/%s/fd' % pid)))

def other(path, body=None):
    s = socket.create_connection((host, int(port)), timeout=30, source_address=('127.0.0.2', 0))
    if body is None:
        req = 'GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n' % (path, addr)
    else:
        req = ('POST %s HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n'
               'Connection: close\r\n\r\n%s' % (path, addr, len(body.encode()), body))
    s.sendall(req.encode())
    out = b''
    while True:
        b = s.recv(65536)
        if not b:
            break
        out += b
    return out.split(b'\r\n', 1)[0].decode()

for path, body in [('/healthz', None), ('/api/v1/ask', json.dumps({'question': 'đăng ký khai sinh cần giấy tờ gì', 'commune': 'demo'}))]:
    t = time.time()
    try:
        status = other(path, body)
    except OSError as e:
        status = 'error: %s' % e
    print('%s from 127.0.0.2: %s in %.2f s' % (path, status, time.time() - t))
for s in conns:
    s.close()
