import net, { type AddressInfo } from 'node:net';
import tls from 'node:tls';

/**
 * Terminates TLS on a loopback port and pipes the clear text to the plain HTTP
 * simulator, so the same routes serve https like a self-signed appliance.
 */
export async function startTlsFront(upstreamPort: number, key: string | Buffer, cert: string | Buffer, port = 0): Promise<{ port: number; close(): Promise<void> }> {
  const open = new Set<net.Socket>();
  const server = tls.createServer({ key, cert }, (clear) => {
    const upstream = net.connect(upstreamPort, '127.0.0.1');
    open.add(clear).add(upstream);
    const drop = () => {
      clear.destroy();
      upstream.destroy();
      open.delete(clear);
      open.delete(upstream);
    };
    clear.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    clear.pipe(upstream).pipe(clear);
  });
  // A client that refuses the certificate aborts the handshake: not a server problem.
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
