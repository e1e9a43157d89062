import { useState } from 'react';
import type { ConnectionView, TestResult } from '../../../shared/connections';
import { RelativeTime } from '../../components/RelativeTime';
import { Spinner } from '../../components/Spinner';
import { toast } from '../../components/Toasts';
import { VENDOR_NAMES } from '../../components/VendorBadges';
import { api } from '../../ipc/client';
import { useConnections } from './connections-store';

/** The outcome of "Test connection": what worked, or what went wrong and what to do; for an untrusted AlgoSec certificate, the choice to trust it. */
export function TestResultView({ connection, result }: { connection: ConnectionView; result: TestResult | 'running' }) {
  if (result === 'running') return <Spinner label={`Testing ${connection.label}…`} />;
  return (
    <div className={`test-result ${result.ok ? 'test-ok' : 'test-failed'}`} role={result.ok ? 'status' : 'alert'} aria-label={`Test of ${connection.label}`}>
      <div>
        <strong>{result.message}</strong>
        {result.vendorMessage && (
          <div className="muted">
            {VENDOR_NAMES[connection.vendor]} said: “{result.vendorMessage}”
          </div>
        )}
        <div className="muted small">
          Tested <RelativeTime iso={result.checkedAt} />
        </div>
      </div>
      {result.certificate && !connection.demo && <CertificateChoice connection={connection} certificate={result.certificate} changed={result.problem === 'tls-changed'} />}
    </div>
  );
}

function CertificateChoice({ connection, certificate, changed }: { connection: ConnectionView; certificate: NonNullable<TestResult['certificate']>; changed: boolean }) {
  const [busy, setBusy] = useState(false);
  const trust = async () => {
    setBusy(true);
    const r = await api['connections:trustCertificate']({ id: connection.id, sha256: certificate.sha256 });
    setBusy(false);
    if (!r.ok) return toast(r.error.message, 'bad');
    toast(`${connection.label} now trusts this certificate. Testing again…`, 'good');
    await useConnections.getState().test(connection.id);
  };
  return (
    <div className="certificate" aria-label="Certificate">
      <dl className="kv">
        <dt>SHA-256 fingerprint</dt>
        <dd className="mono fingerprint">{certificate.sha256}</dd>
        <dt>Issued to</dt>
        <dd>{certificate.subject || '—'}</dd>
        <dt>Issued by</dt>
        <dd>
          {certificate.issuer || '—'}
          {certificate.issuer === certificate.subject && ' (self-signed)'}
        </dd>
        <dt>Valid until</dt>
        <dd>{new Date(certificate.validTo).toLocaleDateString()}</dd>
      </dl>
      <p className="muted">
        {changed ? 'Trusting it replaces the certificate this connection trusted before. ' : ''}
        Only <strong>{connection.label}</strong> will trust this exact certificate; fleetdesk never turns certificate checks off, and any other certificate is refused.
      </p>
      <button className="btn btn-primary" disabled={busy} onClick={() => void trust()}>
        {busy ? 'Checking the certificate…' : 'Trust this certificate'}
      </button>
    </div>
  );
}
