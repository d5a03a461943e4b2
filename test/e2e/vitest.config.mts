// `npm run test:nvim`: the Neovim client test, apart from `npm test` because
// it needs Debian's neovim (scripts/e2e/install.sh installs it).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/nvim/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
