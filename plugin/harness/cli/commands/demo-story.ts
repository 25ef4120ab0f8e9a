import type { JsonValue } from '../../../json.js';
import type { Seed } from '../../../simulator/seed/types.js';

/** One scene of the demo: who writes what, which flow answers, and the result expected. */
export interface Scene {
  title: string;
  contact: string;
  message: string;
  flow: string;
  vars: Record<string, JsonValue>;
  expect: string;
}

/** The simulator seed the demo starts from: the guide's group, Priya's id, and Rahul who unsubscribed last year. */
export const DEMO_SEED: Seed = {
  description: 'The seed guide story: the WhatsApp Opt-Ins group, the id Priya will get, and a contact who unsubscribed earlier.',
  new: {
    groups: [{ id: '123456789', name: 'WhatsApp Opt-Ins' }],
    subscribers: [
      {
        email: 'rahul@example.com',
        status: 'unsubscribed',
        fields: { name: 'Rahul Verma', phone: '+919820000002' },
        groups: ['123456789'],
        unsubscribed_at: '2025-11-02 10:15:00',
      },
    ],
    next_ids: { subscriber: ['987654321'] },
  },
};

/** Settings the demo runs with. */
export const DEMO_SETTINGS = {
  api_version: 'new',
  group_id: '123456789',
  optin_form_url: 'https://landing.mailerlite.com/webforms/landing/a1b2c3',
} as const;

const priya = { customer_email: 'priya@example.com', customer_name: 'Priya Sharma', customer_phone: '+919820000001' };

/** The guide's story, end to end. */
export const DEMO_SCENES: readonly Scene[] = [
  { title: 'Priya sends JOIN: not in MailerLite yet (404), so she is created and grouped (201)', contact: 'Priya', message: 'JOIN', flow: 'whatsapp.join', vars: priya, expect: 'subscribed' },
  { title: 'Priya sends JOIN again: already in the group', contact: 'Priya', message: 'JOIN', flow: 'whatsapp.join', vars: priya, expect: 'already_subscribed' },
  { title: 'Before a campaign: is Priya an active member of the group?', contact: 'Campaign', message: 'PRECHECK', flow: 'campaign.precheck', vars: { customer_email: 'priya@example.com' }, expect: 'send' },
  { title: 'Priya sends STOP: unsubscribed in MailerLite too', contact: 'Priya', message: 'STOP', flow: 'whatsapp.stop', vars: { customer_email: 'priya@example.com' }, expect: 'unsubscribed' },
  {
    title: 'Rahul, who unsubscribed from the emails last year, sends JOIN: the API cannot re-subscribe him, so he gets the opt-in form',
    contact: 'Rahul',
    message: 'JOIN',
    flow: 'whatsapp.join',
    vars: { customer_email: 'rahul@example.com', customer_name: 'Rahul Verma', customer_phone: '+919820000002' },
    expect: 'needs_optin',
  },
];
