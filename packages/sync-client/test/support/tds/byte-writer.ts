/** Builds a little-endian TDS byte sequence piece by piece. */
export class ByteWriter {
  readonly #parts: Buffer[] = [];

  #fixed(size: number, write: (buffer: Buffer) => void): this {
    const buffer = Buffer.alloc(size);
    write(buffer);
    this.#parts.push(buffer);
    return this;
  }

  u8(value: number): this {
    return this.#fixed(1, (b) => b.writeUInt8(value));
  }
  u16(value: number): this {
    return this.#fixed(2, (b) => b.writeUInt16LE(value));
  }
  u16be(value: number): this {
    return this.#fixed(2, (b) => b.writeUInt16BE(value));
  }
  i32(value: number): this {
    return this.#fixed(4, (b) => b.writeInt32LE(value));
  }
  u32(value: number): this {
    return this.#fixed(4, (b) => b.writeUInt32LE(value));
  }
  u64(value: number | bigint): this {
    return this.#fixed(8, (b) => b.writeBigUInt64LE(BigInt(value)));
  }
  bytes(buffer: Buffer): this {
    this.#parts.push(buffer);
    return this;
  }
  /** B_VARCHAR: a one-byte character count, then UCS-2. */
  bVarchar(text: string): this {
    return this.u8(text.length).bytes(Buffer.from(text, 'ucs2'));
  }
  /** US_VARCHAR: a two-byte character count, then UCS-2. */
  usVarchar(text: string): this {
    return this.u16(text.length).bytes(Buffer.from(text, 'ucs2'));
  }
  toBuffer(): Buffer {
    return Buffer.concat(this.#parts);
  }
}
