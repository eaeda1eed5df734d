-- wrk: every request writes an internal note through the open interface.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"text": "Vermerk aus dem Fachverfahren"}'
