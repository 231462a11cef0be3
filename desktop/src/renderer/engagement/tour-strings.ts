// Words of the first-run tour, until they move into the i18n catalogue.
import { APP_NAME } from '../app-name.js';

export const tourText = {
  progress: (n: number, of: number) => `Step ${n} of ${of}`,
  next: 'Next',
  back: 'Back',
  later: 'Later',
  skip: 'Skip the tour',
  finish: 'Start using Hearth',
  welcome: {
    title: `Welcome to ${APP_NAME}`,
    paragraphs: [
      `${APP_NAME} is the company's own place to talk: spaces for teams, offices and topics, company news, direct messages, and answers to the questions you would otherwise ask by e-mail.`,
      'Everyone appears under their real name from the company directory, so you always know who you are talking to.',
      'It runs on the company network and works offline: what you write is kept on this device and sent as soon as you are back online.',
    ],
  },
  policy: {
    title: 'How we treat each other here',
    intro: (name: string) => `${name}, in short:`,
    asYouType: 'Hearth checks what you write against these rules as you type, and tells you before you post — not after.',
    loading: 'The behaviour policy is still on its way from the relay.',
  },
  spaces: {
    title: 'Spaces for you',
    intro: (department: string, location: string) => `Suggested for ${department || 'your team'}${location ? ` in ${location}` : ''}. Joining puts a space on your Home page; you can leave any time.`,
    none: 'You are already in every space we would suggest. Browse Spaces to find more.',
    reason: { department: 'your department', location: 'your office', everyone: 'for everyone' },
    join: 'Join',
    ask: 'Ask to join',
    joinLabel: (name: string, ask: boolean) => (ask ? `Ask to join ${name}` : `Join ${name}`),
    joined: 'Joined',
    requested: 'Request sent',
  },
  accept: {
    title: 'Accept the behaviour policy',
    intro: (version: number) => `Before you post for the first time, please confirm that you have read the behaviour policy (version ${version}) and will follow it.`,
    button: 'I accept the behaviour policy',
    done: (version: number) => `Thank you — you accepted the behaviour policy (version ${version}). You are ready to go.`,
  },
} as const;
