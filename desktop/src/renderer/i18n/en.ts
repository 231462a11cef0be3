// Every string Hearth shows to people, in English, in one typed catalogue. Keys are grouped by
// screen; `{name}` is a placeholder; a plural message lists its forms (Intl.PluralRules picks one
// from the `count` parameter). Other languages implement `Catalogue` (see strings.ts).

/** Plural forms as Intl.PluralRules names them; `other` is required. */
export type PluralForms = Readonly<Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }>;

export const en = {
  'app.name': 'Hearth',

  // App frame
  'shell.skipToContent': 'Skip to main content',
  'shell.navigation': 'Main',
  'shell.signOut': 'Sign out',
  'shell.unread': { one: ', {count} unread', other: ', {count} unread' },
  'nav.home': 'Home',
  'nav.spaces': 'Spaces',
  'nav.messages': 'Messages',
  'nav.people': 'People',
  'nav.inbox': 'Inbox',
  'nav.search': 'Search',
  'nav.policy': 'Policy',

  // Connection
  'connection.online': 'Online',
  'connection.offline': 'Offline',
  'connection.reconnecting': 'Reconnecting…',
  'connection.unsaved': {
    one: '{count} change not yet saved to server',
    other: '{count} changes not yet saved to server',
  },
  'connection.keptLocally': 'Your changes are kept on this device and will be sent when the connection returns.',
  'connection.workOffline': 'You can keep reading and writing; Hearth will catch up when the connection returns.',
  'connection.lastSynced': 'Last in sync:',
  'connection.retry': 'Try now',

  // Storage
  'storage.quota.title': 'This device is out of storage space',
  'storage.quota.what':
    'Hearth could not save your latest changes on this device. Everything saved before is safe.',
  'storage.quota.todo':
    'Free some disk space (empty the trash or remove large downloads), then choose Try again. Keep Hearth open until then.',
  'storage.blocked.title': 'Hearth’s local data is locked by another window',
  'storage.blocked.what': 'Another Hearth window or browser tab is holding the local database open with an older version.',
  'storage.blocked.todo': 'Close the other Hearth windows and tabs, then choose Try again.',
  'storage.unavailable.title': 'Hearth cannot store data on this device',
  'storage.unavailable.what':
    'Storage is turned off or unavailable (for example in a private browsing window), so nothing can be kept offline.',
  'storage.unavailable.todo': 'Open Hearth in a normal window or allow site data, then reload. If it persists, contact IT.',
  'storage.writeFailed.title': 'Hearth could not save to this device',
  'storage.writeFailed.what': 'A change could not be written to local storage. It is kept in memory and Hearth keeps trying.',
  'storage.writeFailed.todo': 'Keep Hearth open and choose Try again. If this keeps happening, restart Hearth or contact IT.',
  'storage.detail': 'Details for IT:',
  'storage.unwritten': {
    one: '{count} change is only in memory and will be lost if you close Hearth now.',
    other: '{count} changes are only in memory and will be lost if you close Hearth now.',
  },
  'storage.retry': 'Try again',
  'storage.dismiss': 'Dismiss',

  // Marks
  'mark.pending': 'Sending',
  'mark.pendingHint': 'Saved on this device; not yet confirmed by the server.',
  'mark.held': 'Held',
  'mark.heldHint': 'Held by the behaviour policy; see your inbox for the reason.',
  'mark.rejected': 'Not published',
  'mark.rejectedHint': 'Not published; see your inbox to edit and resubmit.',
  'mark.published': 'Published',
  'mark.publishedHint': 'Published after review.',
  'mark.unread': 'New',
  'mark.unreadHint': 'You have not read this yet.',

  // Posts
  'kind.discussion': 'Discussion',
  'kind.question': 'Question',
  'kind.announcement': 'Announcement',
  'post.inSpace': 'in {space}',
  'post.edited': 'edited',
  'post.comments': { one: '{count} comment', zero: 'No comments', other: '{count} comments' },
  'feed.empty': 'No posts yet.',
  'feed.keyboardHint': 'In the feed, Page Down and Page Up move between posts.',

  // Markdown
  'markdown.opensOutside': '(opens outside Hearth)',
  'markdown.image': 'Image: {alt}',

  // Reactions
  'reactions.summary': 'Reactions',
  'reactions.add': 'Add reaction',
  'reactions.picker': 'Choose a reaction',
  'reactions.toggle': '{reaction}: {count}. {names}',
  'reactions.you': 'You reacted',
  'reaction.thumbsUp': 'Thumbs up',
  'reaction.heart': 'Heart',
  'reaction.celebrate': 'Celebrate',
  'reaction.smile': 'Smile',
  'reaction.surprised': 'Surprised',
  'reaction.thanks': 'Thanks',
  'reaction.eyes': 'Looking',
  'reaction.done': 'Done',

  // Composer
  'composer.kind': 'Kind of post',
  'composer.title': 'Title',
  'composer.body': 'Post',
  'composer.comment': 'Comment',
  'composer.message': 'Message',
  'composer.hint': 'Markdown works. Type @ to mention a colleague. Ctrl+Enter sends.',
  'composer.counter': '{used} / {limit}',
  'composer.over': { one: '{count} character over the limit of {limit}', other: '{count} characters over the limit of {limit}' },
  'composer.tooLong': 'This is too long to send. Shorten it to the limit shown.',
  'composer.blocked': 'This can’t be sent yet: {reasons}. Change the marked text to send it.',
  'composer.flagNote': 'You can send this, but it will be published and reviewed by a moderator.',
  'composer.sentForReview': 'Sent. A moderator will review it because of the marked text.',
  'composer.confirmTitle': 'Before you send, please check:',
  'composer.keepEditing': 'Keep editing',
  'composer.sendAnyway': 'Send anyway',
  'composer.cancel': 'Cancel',
  'composer.publish': 'Publish',
  'composer.send': 'Send',
  'composer.mentionList': 'People to mention',
  'composer.mentionNone': 'Nobody matches.',

  // Findings
  'findings.heading': { one: '1 thing to look at', other: '{count} things to look at' },
  'findings.inTitle': 'In the title:',
  'severity.allow': 'Fine',
  'severity.warn': 'Check',
  'severity.flag': 'Will be reviewed',
  'severity.hold': 'Can’t be sent',
  'severity.reject': 'Not allowed',
  // Reactions (more)
  'reactions.youName': 'you',
  'reactions.andMore': { one: 'and {count} other', other: 'and {count} others' },

  // Reports
  'report.reason': 'Why are you reporting this?',
  'report.help': 'Moderators will see your reason and the item. The author is not told who reported it.',
  'report.send': 'Send report',

  // Comments and threads
  'comment.removedBy': 'Removed',
  'comment.hidden': 'This comment was removed by a moderator.',
  'comment.retracted': 'This comment was withdrawn by its author.',
  'comment.editLabel': 'Edit your comment',
  'comment.save': 'Save changes',
  'comment.reactionsTo': 'Reactions to {name}’s comment',
  'comment.reply': 'Reply',
  'comment.edit': 'Edit',
  'comment.retract': 'Withdraw',
  'comment.report': 'Report',
  'comment.retractConfirm': 'Withdraw this comment? It will be removed for everyone.',
  'comment.keep': 'Keep it',
  'comment.retractYes': 'Withdraw comment',
  'comment.reportLabel': 'Report {name}’s comment',
  'comment.replyTo': 'Reply to {name}',
  'comment.sendReply': 'Send reply',
  'comment.replies': { one: '1 reply to {name}', other: '{count} replies to {name}' },
  'thread.reactionsTo': 'Reactions to {name}’s post',
  'thread.editPost': 'Edit post',
  'thread.retractPost': 'Withdraw post',
  'thread.reportPost': 'Report post',
  'thread.retractConfirm': 'Withdraw this post? It and its comments will be removed for everyone.',
  'thread.retractYes': 'Withdraw post',
  'thread.reportLabel': 'Report {name}’s post',
  'thread.addComment': 'Add a comment',
  'thread.sendComment': 'Comment',

  // Sign in
  'signIn.title': 'Sign in to Hearth',
  'signIn.lead': 'Hearth is your company’s internal network. You appear under your name from the company directory.',
  'signIn.relay': 'Server address',
  'signIn.relayHelp': 'The address of your company’s Hearth server, for example https://hearth.example.internal.',
  'signIn.relayInvalid': 'Enter an address that starts with https:// (or http:// on a test setup).',
  'signIn.relayLocked': 'Set by your IT department.',
  'signIn.companyTitle': 'Company account',
  'signIn.company': 'Sign in with your company account',
  'signIn.demoTitle': 'Demo: choose who you are',
  'signIn.demoHelp': 'This server runs in demo mode: pick a person from the directory to use Hearth as them.',
  'signIn.filter': 'Filter people',
  'signIn.tokenTitle': 'Sign in with a token',
  'signIn.token': 'Sign-in token',
  'signIn.tokenHelp': 'Paste the token your administrator gave you.',
  'signIn.tokenSubmit': 'Sign in',

  // People
  'people.count': { one: '{count} person', other: '{count} people' },
  'people.namesFromDirectory': 'Names come from the company directory.',
} as const satisfies Record<string, string | PluralForms>;

export type MessageKey = keyof typeof en;
