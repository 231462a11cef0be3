// Turns the distributed behaviour policy (rule kinds with their settings) into rules people can
// read: a name and a description per rule kind, with the rule's own message and guidance. The
// confidential terms are never listed (the client holds only their hashes, and naming them would
// reveal them).
import type { DistributedPolicy, DistributedRule } from '@hearth/core';
import type { PolicySummary, PolicyRuleSummary } from './types.js';
import type { MessageKey, Strings } from '../i18n/index.js';

const NAME: Record<DistributedRule['kind'], MessageKey> = {
  language: 'policy.kind.language',
  'classification-markers': 'policy.kind.classification',
  'personal-data': 'policy.kind.personalData',
  secrets: 'policy.kind.secrets',
  'external-links': 'policy.kind.links',
  'mass-mentions': 'policy.kind.mentions',
  attachments: 'policy.kind.attachments',
  'confidential-terms': 'policy.kind.terms',
  'posting-rate': 'policy.kind.postingRate',
  'reaction-rate': 'policy.kind.reactionRate',
};

function describe(rule: DistributedRule, s: Strings): string {
  switch (rule.kind) {
    case 'language':
      return s.t('policy.about.language');
    case 'classification-markers':
      return s.t('policy.about.classification', { markers: s.formatList(rule.markers.map((m) => `“${m.toUpperCase()}”`)) });
    case 'personal-data':
      return s.t('policy.about.personalData', { kinds: s.formatList(rule.detect.map((k) => s.t(`policy.data.${k}`))) });
    case 'secrets':
      return s.t('policy.about.secrets');
    case 'external-links':
      return rule.allowDomains.length > 0
        ? s.t('policy.about.linksExcept', { domains: s.formatList(rule.allowDomains) })
        : s.t('policy.about.links');
    case 'mass-mentions':
      return s.t(rule.broadcast ? 'policy.about.mentionsBroadcast' : 'policy.about.mentions', { count: rule.maxMentions });
    case 'attachments': {
      const parts = [s.t('policy.about.attachments')];
      if (rule.allowTypes) parts.push(s.t('policy.about.attachmentTypes', { types: s.formatList(rule.allowTypes) }));
      if (rule.blockExtensions.length > 0) parts.push(s.t('policy.about.attachmentBlocked', { extensions: s.formatList(rule.blockExtensions.map((e) => `.${e}`)) }));
      if (rule.maxBytes !== undefined) parts.push(s.t('policy.about.attachmentSize', { size: megabytes(rule.maxBytes, s) }));
      return parts.join(' ');
    }
    case 'confidential-terms':
      return s.t('policy.about.terms');
    case 'posting-rate': {
      const parts: string[] = [];
      if (rule.maxPerHour !== undefined) parts.push(s.t('policy.about.postingRateHour', { count: rule.maxPerHour }));
      if (rule.maxPerDay !== undefined) parts.push(s.t('policy.about.postingRateDay', { count: rule.maxPerDay }));
      return parts.join(' ');
    }
    case 'reaction-rate': {
      const parts: string[] = [];
      if (rule.maxPerHour !== undefined) parts.push(s.t('policy.about.reactionRateHour', { count: rule.maxPerHour }));
      if (rule.maxPerDay !== undefined) parts.push(s.t('policy.about.reactionRateDay', { count: rule.maxPerDay }));
      return parts.join(' ');
    }
  }
}

function megabytes(bytes: number, s: Strings): string {
  return `${s.formatNumber(Math.round((bytes / 1_048_576) * 10) / 10)} MB`;
}

export function summarisePolicy(policy: DistributedPolicy, s: Strings, updatedAt: number | null = null): PolicySummary {
  const rules: PolicyRuleSummary[] = policy.rules.map((rule) => ({
    id: rule.id,
    name: s.t(NAME[rule.kind]),
    description: `${describe(rule, s)} ${rule.message}`.trim(),
    severity: rule.severity,
    guidance: rule.guidance,
  }));
  return { version: policy.version, title: policy.name, introduction: s.t('policy.introduction'), rules, updatedAt };
}
