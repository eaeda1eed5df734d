-- wrk script for bench/cases.sh: claims a different submitted case with every
-- request (ids from the file in IDS), as the caseworker whose session is in COOKIE.
local ids = {}
for line in io.lines(os.getenv("IDS")) do
  ids[#ids + 1] = line
end
local cookie = os.getenv("COOKIE")
local next_id = 0

request = function()
  next_id = next_id + 1
  local id = ids[((next_id - 1) % #ids) + 1]
  return wrk.format("POST", "/bearbeitung/faelle/" .. id .. "/aktion", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = cookie,
  }, "action=claim&version=1")
end
