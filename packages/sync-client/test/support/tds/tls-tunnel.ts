import type { Socket } from 'node:net';
import { Duplex } from 'node:stream';
import { TLSSocket } from 'node:tls';
import { encodeMessage, packetType } from './packet-stream.ts';

export interface TlsCredentials {
  key: Buffer;
  cert: Buffer;
}

/**
 * TDS 7.x encryption: the TLS handshake travels inside PRELOGIN packets in both directions
 * (one PRELOGIN message per flight); once the client sends its first bare TLS record, the
 * socket carries plain TLS records with TDS packets inside. Returns the server's TLS socket.
 */
export function tunnelTls7(raw: Socket, credentials: TlsCredentials): TLSSocket {
  let wrapped = true;
  let outgoing: Buffer[] = [];
  let incoming = Buffer.alloc(0);
  let packetId = 1;
  const flush = () => {
    const flight = Buffer.concat(outgoing);
    outgoing = [];
    const { bytes, packets } = encodeMessage(packetType.prelogin, flight, 4096, packetId);
    packetId += packets;
    raw.write(bytes);
  };
  const wire = new Duplex({
    read() {},
    write(chunk: Buffer, _encoding, callback) {
      if (!wrapped) raw.write(chunk);
      else {
        if (outgoing.length === 0) setImmediate(flush);
        outgoing.push(chunk);
      }
      callback();
    },
  });
  raw.removeAllListeners('data');
  raw.on('data', (data: Buffer) => {
    if (!wrapped) {
      wire.push(data);
      return;
    }
    incoming = Buffer.concat([incoming, data]);
    while (incoming.length > 0) {
      if (incoming.readUInt8(0) !== packetType.prelogin) {
        wrapped = false;
        wire.push(incoming);
        incoming = Buffer.alloc(0);
        return;
      }
      if (incoming.length < 8 || incoming.length < incoming.readUInt16BE(2)) return;
      const length = incoming.readUInt16BE(2);
      wire.push(incoming.subarray(8, length));
      incoming = incoming.subarray(length);
    }
  });
  raw.on('close', () => wire.destroy());
  return new TLSSocket(wire, { isServer: true, ...credentials });
}
