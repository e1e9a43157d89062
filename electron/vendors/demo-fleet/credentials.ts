/**
 * Credentials of the built-in demo accounts. They open only the local
 * simulators, so they are not secrets; they still travel through the same
 * secret store and redaction paths as real ones.
 */
export const DEMO_CREDENTIALS = {
  absolute: { region: 'cadc' as const, tokenId: '8b2d6fe7-0819-49b7-b29b-f565189d5e95', tokenSecret: 'demo-absolute-token-secret-2f9c' },
  telemetron: { apiKey: 'demo-telemetron-api-key-7c1e' },
  insiders: { username: 'demo.manager@fleetdesk.example', password: 'demo-insiders-pass-41b8', clientId: 'fleetdesk-demo', clientSecret: 'demo-insiders-client-secret-9d3a' },
  algosec: { username: 'admin', password: 'demo-algosec-pass-5e07' },
};
