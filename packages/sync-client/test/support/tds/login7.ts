/** What a LOGIN7 message (MS-TDS 2.2.6.4) says about who is logging in. */
export interface Login7 {
  tdsVersion: number;
  packetSize: number;
  hostName: string;
  userName: string;
  password: string;
  appName: string;
  serverName: string;
  database: string;
}

/** Offsets of the (offset, character count) pairs in the fixed LOGIN7 header. */
const field = {
  hostName: 36,
  userName: 40,
  password: 44,
  appName: 48,
  serverName: 52,
  database: 68,
};

/** The client obfuscates the password: each byte's nibbles swapped, then XOR 0xA5. */
function revealPassword(bytes: Buffer): string {
  const plain = Buffer.from(
    bytes.map((byte) => {
      const unmasked = byte ^ 0xa5;
      return ((unmasked << 4) & 0xf0) | (unmasked >> 4);
    }),
  );
  return plain.toString('ucs2');
}

export function parseLogin7(payload: Buffer): Login7 {
  const bytes = (at: number) => {
    const offset = payload.readUInt16LE(at);
    const characters = payload.readUInt16LE(at + 2);
    return payload.subarray(offset, offset + characters * 2);
  };
  const text = (at: number) => bytes(at).toString('ucs2');
  return {
    tdsVersion: payload.readUInt32LE(4),
    packetSize: payload.readUInt32LE(8),
    hostName: text(field.hostName),
    userName: text(field.userName),
    password: revealPassword(bytes(field.password)),
    appName: text(field.appName),
    serverName: text(field.serverName),
    database: text(field.database),
  };
}
