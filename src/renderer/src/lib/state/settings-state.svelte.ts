import { DEFAULT_SETTINGS, type AppSettings, type ThemePreference } from '../../../../shared/domain'
import { api, describeError } from '../api'

const darkQuery = (): MediaQueryList => window.matchMedia('(prefers-color-scheme: dark)')

/** The user's preferences, and the theme they put on the page. */
export class SettingsState {
  settings = $state<AppSettings>({ ...DEFAULT_SETTINGS })
  error = $state<string | null>(null)

  constructor() {
    // "system" follows the OS as it changes, not only at start-up.
    if (typeof window !== 'undefined') darkQuery().addEventListener('change', () => this.#applyTheme())
  }

  async load(): Promise<void> {
    try {
      this.settings = await api.getSettings()
    } catch (error) {
      this.error = describeError(error)
    }
    this.#applyTheme()
  }

  async update(changes: Partial<AppSettings>): Promise<void> {
    try {
      this.settings = await api.updateSettings(changes)
      this.error = null
    } catch (error) {
      this.error = describeError(error)
    }
    this.#applyTheme()
  }

  setTheme(theme: ThemePreference): Promise<void> {
    return this.update({ theme })
  }

  #applyTheme(): void {
    const { theme } = this.settings
    const dark = theme === 'dark' || (theme === 'system' && darkQuery().matches)
    document.documentElement.dataset['theme'] = dark ? 'dark' : 'light'
  }
}

export const settingsState = new SettingsState()
