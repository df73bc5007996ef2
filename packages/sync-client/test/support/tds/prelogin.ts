import { ByteWriter } from './byte-writer.ts';

/** PRELOGIN ENCRYPTION values (MS-TDS 2.2.6.5). */
export const encryption = { off: 0x00, on: 0x01, notSupported: 0x02, required: 0x03 } as const;
export type EncryptionValue = (typeof encryption)[keyof typeof encryption];

const option = { version: 0x00, encryption: 0x01, instance: 0x02, threadId: 0x03, mars: 0x04 };
const terminator = 0xff;

/** The options a client sent: token → data. */
export function parsePrelogin(payload: Buffer): Map<number, Buffer> {
  const options = new Map<number, Buffer>();
  for (let at = 0; at + 5 <= payload.length && payload[at] !== terminator; at += 5) {
    const offset = payload.readUInt16BE(at + 1);
    const length = payload.readUInt16BE(at + 3);
    options.set(payload.readUInt8(at), payload.subarray(offset, offset + length));
  }
  return options;
}

/** The server's PRELOGIN answer: SQL Server 2022's version number and our encryption choice. */
export function preloginReply(choice: EncryptionValue): Buffer {
  const entries: [number, Buffer][] = [
    [option.version, Buffer.from([16, 0, 0x10, 0x00, 0, 0])],
    [option.encryption, Buffer.from([choice])],
    [option.instance, Buffer.from([0])],
    [option.threadId, Buffer.alloc(0)],
    [option.mars, Buffer.from([0])],
  ];
  const table = new ByteWriter();
  let dataOffset = entries.length * 5 + 1;
  for (const [token, data] of entries) {
    table.u8(token).u16be(dataOffset).u16be(data.length);
    dataOffset += data.length;
  }
  table.u8(terminator);
  return Buffer.concat([table.toBuffer(), ...entries.map(([, data]) => data)]);
}

export function clientEncryption(options: Map<number, Buffer>): number {
  return options.get(option.encryption)?.readUInt8(0) ?? encryption.notSupported;
}
