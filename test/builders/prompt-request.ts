import type { PromptRequest } from '../../main/agent/prompter';

/** A request for secrets as the agent makes one: Office's OpenVPN password, with any changes. */
export function promptRequest(over: Partial<PromptRequest> = {}): PromptRequest {
  return {
    id: 'req-1',
    connectionUuid: '0f9d3f52-7d5e-4c57-9a3b-2b7c0d1e4f11',
    connectionId: 'Office',
    vpnType: 'openvpn',
    title: 'Secrets for Office',
    message: 'A password is needed.',
    reason: 'initial',
    fields: [{ key: 'password', label: 'Password', secret: true }],
    canSave: false,
    ...over,
  };
}
