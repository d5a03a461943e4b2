-- Neovim (0.7+) as a second, independent LSP client of the built server,
-- run headless by nvim.test.ts:
--   WIKI_ROOT=/tmp/w/wiki WIKI_LSP_SERVER=dist/wiki-lsp.js WIKI_LSP_OUT=/tmp/w/out.json \
--     nvim --headless -u NONE -i NONE -n -c 'luafile test/e2e/nvim/client.lua'
-- It opens sources/2025-10-01-alpha.md of the fixture wiki, waits for the
-- published diagnostics, asks for definition, hover, completion and code
-- actions with request_sync, and writes every raw LSP answer as JSON to
-- WIKI_LSP_OUT, e.g. { "published": [[...]], "definition": [...], ... }.
-- Exits 0, or 1 (after writing { "error": "…" }) when something fails.
local root = assert(os.getenv('WIKI_ROOT'), 'WIKI_ROOT')
local server = assert(os.getenv('WIKI_LSP_SERVER'), 'WIKI_LSP_SERVER')
local out_path = assert(os.getenv('WIKI_LSP_OUT'), 'WIKI_LSP_OUT')
local LIMIT = 10000

local out = {}
local published = {}

local function write_out()
  local file = assert(io.open(out_path, 'w'))
  file:write(vim.fn.json_encode(out))
  file:close()
end

-- Waits (processing events, never sleeping blindly) until check() is true.
local function wait_for(what, check)
  if not vim.wait(LIMIT, check, 10) then error('timed out waiting for ' .. what) end
end

-- The 0-based LSP position `offset` characters into the first `needle` of the buffer.
local function position_of(bufnr, needle, offset)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local col = line:find(needle, 1, true)
    if col then return { line = i - 1, character = col - 1 + offset } end
  end
  error(needle .. ' is not in the buffer')
end

local function request(client, bufnr, method, params)
  local response, err = client.request_sync(method, params, LIMIT, bufnr)
  if not response then error(method .. ': ' .. tostring(err)) end
  if response.err then error(method .. ': ' .. vim.inspect(response.err)) end
  return response.result
end

local function start()
  local ready = false
  local id = vim.lsp.start_client({
    name = 'wiki-lsp',
    cmd = { 'node', server, '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'wiki' } },
    flags = { debounce_text_changes = 0 },
    on_init = function() ready = true end,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
        table.insert(published, params)
        return vim.lsp.diagnostic.on_publish_diagnostics(err, params, ctx, config)
      end,
    },
  })
  wait_for('the server to initialize', function() return ready end)
  return vim.lsp.get_client_by_id(id)
end

-- Every list of diagnostics published for `uri`, oldest first.
local function diagnostics_of(uri)
  local lists = {}
  for _, p in ipairs(published) do
    if p.uri == uri then table.insert(lists, p.diagnostics) end
  end
  return lists
end

local function mentions_envoy(list)
  for _, d in ipairs(list) do
    if d.message:find('systems/envoy', 1, true) then return d end
  end
end

-- Writes what was seen so far, then raises: the test then shows both.
local function run_or_report(body)
  local ok, err = pcall(body)
  if not ok then out.published = out.published or diagnostics_of(vim.uri_from_bufnr(0)) end
  return ok, err
end

local function run()
  local client = start()
  vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/sources/2025-10-01-alpha.md'))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(bufnr, client.id)
  local uri = vim.uri_from_bufnr(bufnr)
  local doc = { uri = uri }
  -- Until the latest list is just the dangling link to systems/envoy (the wiki is indexed).
  local dangling
  wait_for('the dangling link to systems/envoy, alone, on alpha', function()
    local lists = diagnostics_of(uri)
    dangling = #lists > 0 and #lists[#lists] == 1 and mentions_envoy(lists[#lists])
    return dangling
  end)
  out.published = diagnostics_of(uri)
  out.definition = request(client, bufnr, 'textDocument/definition', { textDocument = doc, position = position_of(bufnr, '[[systems/kube-proxy#Modes', 5) })
  out.hover = request(client, bufnr, 'textDocument/hover', { textDocument = doc, position = position_of(bufnr, '[[systems/kube-proxy', 4) })
  out.codeActions = request(client, bufnr, 'textDocument/codeAction', { textDocument = doc, range = dangling.range, context = { diagnostics = { dangling } } })
  -- Type ` See [[kube-p` at the end of the last line, as insert mode would.
  local last = vim.api.nvim_buf_line_count(bufnr)
  local text = vim.api.nvim_buf_get_lines(bufnr, last - 1, last, false)[1] .. ' See [[kube-p'
  vim.api.nvim_buf_set_lines(bufnr, last - 1, last, false, { text })
  out.completion = request(client, bufnr, 'textDocument/completion', { textDocument = doc, position = { line = last - 1, character = #text } })
end

local ok, err = run_or_report(run)
if not ok then out.error = tostring(err) end
write_out()
vim.cmd(ok and 'qall!' or 'cquit 1')
