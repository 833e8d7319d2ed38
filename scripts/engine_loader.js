// The key engine's start, the first script its Web Worker runs. scripts/finish_site.py writes it
// into the site as `jwt-engine-<hash>_loader.js`, with the names below made the engine's own.
//
// The page talks to the engine through gloo-worker, whose bridge carries the engine's messages
// only: a worker that cannot fetch or compile its WebAssembly, or stops later, would fall
// silent. So this script tells the page why, in words that complete "the key engine …", on the
// BroadcastChannel named after the fragment of the URL the page started it from
// (src/engine/browser.rs listens on it).
(function () {
  var channel = 'jwt-engine' + self.location.hash;
  var told = false;
  function tell(why) {
    if (told) return;
    told = true;
    try {
      var out = new BroadcastChannel(channel);
      out.postMessage(String(why));
      out.close();
    } catch (e) {
      // No BroadcastChannel: the page's deadline catches it instead.
    }
  }
  function detail(error) {
    return error && error.message ? error.message : String(error);
  }

  // After the start, a trap (a panic in the engine) or any error nobody caught ends up here.
  self.addEventListener('error', function (event) {
    tell('stopped (' + (event.message || 'an error in the worker') + ')');
  });
  self.addEventListener('unhandledrejection', function (event) {
    tell('stopped (' + detail(event.reason) + ')');
  });

  try {
    importScripts('./jwt-engine.js');
  } catch (error) {
    tell('could not be loaded: its script could not be downloaded or run (' + detail(error) + ')');
    return;
  }

  var type = '';
  var module = fetch('./jwt-engine_bg.wasm').then(
    function (response) {
      if (!response.ok) {
        throw new Error('its WebAssembly could not be downloaded (HTTP ' + response.status + ')');
      }
      type = response.headers.get('content-type') || 'no type';
      return response;
    },
    function () {
      throw new Error('its WebAssembly could not be downloaded (the network request failed)');
    },
  );
  // Compiled as it streams in (wasm-bindgen's glue uses WebAssembly.instantiateStreaming for a
  // response served as application/wasm), then started: its main registers the engine.
  wasm_bindgen({ module_or_path: module }).catch(function (error) {
    if (error instanceof WebAssembly.CompileError && !/wasm/.test(type)) {
      // Something else in its place (a proxy's or a login page): its type says enough.
      tell('could not be loaded: what the server sent (' + type + ') is not its WebAssembly');
    } else if (error instanceof WebAssembly.CompileError) {
      tell('could not be loaded: its WebAssembly did not compile (' + detail(error) + ')');
    } else if (error instanceof WebAssembly.LinkError || (error instanceof TypeError && /^WebAssembly/.test(detail(error)))) {
      // A module from another build: what it imports is not what this script gives.
      tell('could not be loaded: its WebAssembly does not fit its script (' + detail(error) + ')');
    } else if (error instanceof WebAssembly.RuntimeError) {
      tell('stopped while starting (' + detail(error) + ')');
    } else {
      tell('could not be loaded: ' + detail(error));
    }
  });
})();
