-- wrk script: every request goes to the next of the four mapped variants, 5 ms of simulated I/O each
local paths = {
  "/aio/coroutine?ms=5", "/aio/greenlet-sleep?ms=5", "/aio/greenlet-await?ms=5", "/aio/executor?ms=5"
}
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
