#!/usr/bin/env python3
"""Re-stores a ClassicNLP model file (layout: core/ModelContainer) with a plain body (gunzipped, flag bit 1
cleared, length and CRC-32 recomputed): the same model, a better fuzz seed. Usage: fuzz_plain.py IN OUT"""
import gzip, struct, sys, zlib

data = open(sys.argv[1], 'rb').read()
assert data[:8] == b'CNLPMODL', 'not a model file'
pos = 13 + data[12] + 4
flags = data[pos]
pos += 1
if flags & 1:  # the AnalyzerSpec (AnalyzerSpec.write): int version, UTF, 2 lists, int, boolean, list
    def utf(p):
        return p + 2 + struct.unpack('>H', data[p:p + 2])[0]
    def strings(p):
        n = struct.unpack('>i', data[p:p + 4])[0]
        p += 4
        for _ in range(n):
            p = utf(p)
        return p
    pos = utf(pos + 4)
    pos = strings(strings(pos))
    pos = strings(pos + 4 + 1)
(length,) = struct.unpack('>q', data[pos:pos + 8])
body = data[pos + 8:pos + 8 + length]
assert len(data) == pos + 8 + length + 4, 'unexpected layout'
if flags & 2:
    body = gzip.decompress(body)
head = bytearray(data[:pos])
head[13 + data[12] + 4] = flags & ~2
out = bytes(head) + struct.pack('>q', len(body)) + body
open(sys.argv[2], 'wb').write(out + struct.pack('>I', zlib.crc32(out) & 0xffffffff))
