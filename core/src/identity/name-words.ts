// Word lists behind the real-name rule, kept apart from the rule so that each can be reviewed by
// itself. Why lists at all: a role or shared account ("Sales Team", "IT Support", "noreply") is made
// of ordinary letters, so only vocabulary tells it from a person; likewise the lowercase particles
// that are a correct part of many family names (van der, de la, bin, al-) and must not be mistaken
// for sloppy capitalisation.

/** Words that never appear in a person's name but always in role or shared mailboxes. */
export const ROLE_WORDS: ReadonlySet<string> = new Set([
  'admin', 'administrator', 'administration', 'support', 'helpdesk', 'servicedesk', 'team', 'reception',
  'receptionist', 'noreply', 'no-reply', 'donotreply', 'mailbox', 'inbox', 'desk', 'office', 'department',
  'dept', 'enquiries', 'inquiries', 'payroll', 'webmaster', 'postmaster', 'hostmaster', 'sysadmin',
  'notifications', 'newsletter', 'recruitment', 'marketing', 'accounts', 'finance', 'facilities',
  'operations', 'security', 'info', 'itsupport', 'committee', 'helpline', 'hotline', 'printer', 'scanner',
]);

/**
 * Words that are role-like but also real surnames or given names somewhere ("Sales" is a Portuguese
 * and Filipino surname, "Staff" an English one): refused only when every word of the name is a role
 * word, as in "Sales", "HR" or "IT Service".
 */
export const WEAK_ROLE_WORDS: ReadonlySet<string> = new Set([
  'sales', 'it', 'hr', 'service', 'services', 'news', 'help', 'room', 'shared', 'staff', 'group',
  'contact', 'system', 'all', 'global', 'general', 'central', 'main', 'ops', 'legal', 'bot', 'no', 'reply',
]);

/** Field values that stand in for a missing name. Matched against the whole field, lowercased. */
export const PLACEHOLDERS: ReadonlySet<string> = new Set([
  'unknown', 'undefined', 'n/a', 'fnu', 'lnu', 'tbd', 'tba', 'firstname', 'lastname', 'first name',
  'last name', 'given name', 'family name', 'surname', 'name', 'anonymous', 'nobody', 'test', 'tester',
  'testing', 'dummy', 'placeholder', 'asdf', 'qwerty', 'noname', 'no name', 'user', 'new user', 'temp',
  'demo', 'sample', 'example', 'default',
]);

/** Lowercase words that are a normal part of names in many languages. */
export const PARTICLES: ReadonlySet<string> = new Set([
  // Dutch, German, Scandinavian
  'van', 'der', 'den', 'de', 'het', 'ter', 'ten', 'te', 'op', 'von', 'vom', 'zu', 'zum', 'zur', 'af', 'av',
  // Romance languages
  'del', 'della', 'delle', 'dello', 'degli', 'dei', 'di', 'da', 'das', 'do', 'dos', 'du', 'des', 'la', 'le',
  'les', 'lo', 'los', 'las', 'y', 'e', 'i',
  // Arabic, Malay, Hebrew, Welsh, Kikuyu (Ngũgĩ wa Thiong'o)
  'bin', 'binti', 'binte', 'bint', 'ibn', 'al', 'el', 'ben', 'bat', 'ap', 'ab', 'wa', 'tot',
]);
