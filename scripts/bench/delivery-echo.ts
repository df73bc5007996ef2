/** The floor of the delivery benchmark: a bare `ws` server answering each message at once. */
import { WebSocketServer } from 'ws';

const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
wss.on('connection', (socket) => {
  socket.on('message', (data) => socket.send(data));
});
wss.on('listening', () => {
  const address = wss.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  console.log(JSON.stringify({ msg: 'listening', url: `ws://127.0.0.1:${port}` }));
});
process.once('SIGTERM', () => wss.close(() => process.exit(0)));
