/** TDS packet types (MS-TDS 2.2.3.1.1) this server reads or writes. */
export const packetType = {
  sqlBatch: 0x01,
  rpc: 0x03,
  reply: 0x04,
  attention: 0x06,
  login7: 0x10,
  prelogin: 0x12,
} as const;

const headerLength = 8;
const endOfMessage = 0x01;
/** The client abandoned the message it was sending. */
const ignoreMessage = 0x02;

export interface TdsMessage {
  type: number;
  payload: Buffer;
}

/** Reassembles packets into messages: a message ends at the packet marked end-of-message. */
export class MessageAssembler {
  #pending = Buffer.alloc(0);
  #parts: Buffer[] = [];

  push(chunk: Buffer): TdsMessage[] {
    this.#pending = Buffer.concat([this.#pending, chunk]);
    const messages: TdsMessage[] = [];
    while (this.#pending.length >= headerLength) {
      const length = this.#pending.readUInt16BE(2);
      if (length < headerLength) throw new RangeError(`TDS: paquete de ${length} bytes`);
      if (this.#pending.length < length) break;
      const type = this.#pending.readUInt8(0);
      const status = this.#pending.readUInt8(1);
      this.#parts.push(this.#pending.subarray(headerLength, length));
      this.#pending = this.#pending.subarray(length);
      if (status & ignoreMessage) this.#parts = [];
      else if (status & endOfMessage) {
        messages.push({ type, payload: Buffer.concat(this.#parts) });
        this.#parts = [];
      }
    }
    return messages;
  }
}

/** One message as packets of at most `packetSize` bytes, numbered from `firstId`. */
export function encodeMessage(
  type: number,
  payload: Buffer,
  packetSize: number,
  firstId: number,
): { bytes: Buffer; packets: number } {
  const room = packetSize - headerLength;
  const packets: Buffer[] = [];
  let offset = 0;
  do {
    const chunk = payload.subarray(offset, offset + room);
    offset += chunk.length;
    const header = Buffer.alloc(headerLength);
    header.writeUInt8(type, 0);
    header.writeUInt8(offset >= payload.length ? endOfMessage : 0, 1);
    header.writeUInt16BE(chunk.length + headerLength, 2);
    header.writeUInt16BE(0, 4); // SPID
    header.writeUInt8((firstId + packets.length) & 0xff, 6);
    packets.push(header, chunk);
  } while (offset < payload.length);
  return { bytes: Buffer.concat(packets), packets: packets.length / 2 };
}
