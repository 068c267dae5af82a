// Measurement hook for the list benchmark (bench/browser): fills the device with synthetic cases.
// Compiled only into builds made with VITE_E2E_HOOKS=1, never into the app users install.
import { generateSyntheticCases } from './store'

export function install(): void {
  ;(window as Window & { __doumE2E?: unknown }).__doumE2E = { generateSyntheticCases }
}
