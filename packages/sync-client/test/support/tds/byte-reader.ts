/** Reads a little-endian TDS byte sequence front to back; throws past the end. */
export class ByteReader {
  #offset = 0;

  constructor(private readonly buffer: Buffer) {}

  get offset(): number {
    return this.#offset;
  }
  get done(): boolean {
    return this.#offset >= this.buffer.length;
  }

  #advance(size: number): number {
    const start = this.#offset;
    if (start + size > this.buffer.length) throw new RangeError('TDS: mensaje truncado');
    this.#offset += size;
    return start;
  }

  u8(): number {
    return this.buffer.readUInt8(this.#advance(1));
  }
  u16(): number {
    return this.buffer.readUInt16LE(this.#advance(2));
  }
  u32(): number {
    return this.buffer.readUInt32LE(this.#advance(4));
  }
  take(size: number): Buffer {
    const start = this.#advance(size);
    return this.buffer.subarray(start, start + size);
  }
  skip(size: number): void {
    this.#advance(size);
  }
  rest(): Buffer {
    return this.take(this.buffer.length - this.#offset);
  }
  /** B_VARCHAR: a one-byte character count, then UCS-2. */
  bVarchar(): string {
    return this.take(this.u8() * 2).toString('ucs2');
  }
}
