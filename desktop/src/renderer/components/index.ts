// Public surface of the presentational components: props in, callbacks out, no data fetching.
// See README.md for each component's props in one line. Import the styles once from the app entry:
// import './styles/index.css'.
export * from './types.js';
export { LIMITS, POST_KINDS, REACTIONS, REACTION_LABELS } from './constants.js';
export { AppShell, type AppShellProps } from './AppShell.js';
export { ConnectionStatus, type ConnectionStatusProps } from './ConnectionStatus.js';
export { StorageErrorBanner, type StorageErrorBannerProps } from './StorageErrorBanner.js';
export { SignIn, type SignInProps } from './SignIn.js';
export { Feed, type FeedProps } from './Feed.js';
export { PostCard, type PostCardProps } from './PostCard.js';
export { Composer, type ComposerProps } from './Composer.js';
export { HighlightedField, type HighlightedFieldProps } from './HighlightedField.js';
export { FindingList, type FindingListProps } from './FindingList.js';
export { MentionList, type MentionListProps } from './MentionList.js';
export { Thread, type ThreadProps } from './Thread.js';
export { CommentItem, type CommentItemProps, type RenderComposer, type ThreadActions, type ThreadComposerContext } from './CommentItem.js';
export { ReactionBar, type ReactionBarProps } from './ReactionBar.js';
export { ReportForm, type ReportFormProps } from './ReportForm.js';
export { Markdown, safeUrl, type MarkdownProps } from './Markdown.js';
export { TimeText, type TimeTextProps } from './TimeText.js';
export { StatusMark, type StatusMarkProps } from './StatusMark.js';
export { PolicyView, type PolicyViewProps } from './PolicyView.js';
export { AcknowledgeGate, type AcknowledgeGateProps } from './AcknowledgeGate.js';
export { SpaceCatalogue, type SpaceCatalogueProps } from './SpaceCatalogue.js';
export { SpaceHeader, type SpaceHeaderProps } from './SpaceHeader.js';
export { ConversationList, type ConversationListProps } from './ConversationList.js';
export { ConversationView, type ConversationViewProps } from './ConversationView.js';
export { NewConversation, type NewConversationProps } from './NewConversation.js';
export { PeopleDirectory, type PeopleDirectoryProps } from './PeopleDirectory.js';
export { PersonPage, type PersonPageProps } from './PersonPage.js';
export { InboxView, type InboxViewProps } from './InboxView.js';
export { SearchView, type SearchViewProps } from './SearchView.js';
export { summarisePolicy } from './policy-summary.js';
