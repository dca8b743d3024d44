export const QUICK_ASK_SWITCH = '--quick-ask'

export interface LaunchArguments {
  quickAsk: boolean
}

/**
 * Reads what Chofesh was launched for. Works on `process.argv` at first launch
 * and on the argv a second instance forwards, which starts with the
 * executable (and the app path in development) and may carry Chromium
 * switches, so the flag is looked for anywhere rather than at a fixed index.
 */
export function parseLaunchArguments(argv: readonly string[]): LaunchArguments {
  return { quickAsk: argv.some((argument) => argument === QUICK_ASK_SWITCH) }
}
