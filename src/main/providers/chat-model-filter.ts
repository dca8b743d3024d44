/**
 * List endpoints return every model a key can use, including ones that
 * cannot hold a chat. These id patterns drop them; a model that slips
 * through only costs an extra entry in the picker, so the list stays short
 * and errs towards keeping.
 */
const NON_CHAT_IDS: readonly RegExp[] = [
  /embed/i, // text-embedding-3-small, mistral-embed, nomic-embed-text
  /whisper|transcribe/i, // speech to text
  /(^|[-_/.])tts([-_.]|$)/i, // text to speech: tts-1, gpt-4o-mini-tts, playai-tts
  /dall-e|gpt-image|(^|\/)imagen|stable-diffusion|(^|\/)flux/i, // image generation
  /moderation/i, // omni-moderation-latest, text-moderation-*, mistral-moderation-*
  /^(davinci|babbage)(-|$)/i, // legacy completion-only base models
  /realtime/i, // audio over WebSocket, no chat completions
  /rerank/i
]

/**
 * True for a model worth offering in the chat picker. Some lists say what a
 * model is (Together's `type`: chat, language, code, image, embedding, ...);
 * when one does, only `chat` qualifies, as its base `language`/`code` models
 * have no chat template. Otherwise the id decides alone.
 */
export function isChatModel(id: string, declaredKind?: string | null): boolean {
  if (declaredKind && declaredKind !== 'chat') return false
  return !NON_CHAT_IDS.some((pattern) => pattern.test(id))
}
