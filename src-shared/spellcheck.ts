/**
 * Where spell check can run with no network: macOS checks spelling with the OS; Windows with the
 * OS spellchecker for installed languages. On Linux, Chromium would download Hunspell dictionaries
 * from Google, so SessionVault keeps spell check off there (and says so in Settings).
 */
export function spellCheckWorksOffline(platform: string): boolean {
  return platform === 'darwin' || platform === 'win32';
}
