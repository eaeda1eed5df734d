"""A back-office system's day, written against the Python client that
openapi-python-client generated from the portal's committed OpenAPI document (the
package `portal_client` on PYTHONPATH): list the department's new cases, read the
one filed with `REFERENCE` with its answers and documents, fetch a document, add an
internal note and claim the case. Prints what it saw as one JSON line.

Usage: backoffice_flow.py BASE_URL TOKEN REFERENCE
"""

import json
import sys

from portal_client import AuthenticatedClient
from portal_client.api.cases import (
    act_on_case,
    add_case_note,
    get_case,
    get_case_document,
    list_cases,
)
from portal_client.models import ActionRequest, TextRequest
from portal_client.models.action_request_action_type_0 import ActionRequestActionType0
from portal_client.models.list_cases_state import ListCasesState


def main(base_url: str, token: str, reference: str) -> None:
    client = AuthenticatedClient(base_url=base_url, token=token, raise_on_unexpected_status=True)
    with client:
        new = list_cases.sync(client=client, state=ListCasesState.SUBMITTED, limit=100)
        case = next(c for c in new.items if c.reference == reference)
        detail = get_case.sync(case.id, client=client)
        document = detail.documents[0]
        content = get_case_document.sync_detailed(case.id, document.id, client=client)
        note = add_case_note.sync_detailed(
            case.id, client=client, body=TextRequest(text="Kennzeichen geprüft.")
        )
        claimed = act_on_case.sync(
            case.id,
            client=client,
            body=ActionRequest(action=ActionRequestActionType0.CLAIM, version=case.version),
        )
    print(
        json.dumps(
            {
                "listed": len(new.items),
                "case": case.id,
                "answer_steps": len(detail.answers),
                "document": document.name,
                "document_bytes": len(content.content),
                "note_status": note.status_code,
                "state_after": claimed.case.state.value,
            }
        )
    )


if __name__ == "__main__":
    main(*sys.argv[1:4])
