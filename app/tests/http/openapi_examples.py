"""Examples in the OpenAPI document, as generators and documentation tools read them.

Every property of every component schema carries an example its own schema accepts (a
list's on its items, an inline choice's on the choice; properties that are other
components take theirs from that component), and the object composed of a component's
examples is accepted by the component's schema. Prints each
problem and exits with 1 if there is any. Usage: openapi_examples.py DOCUMENT
"""

import json
import sys

from jsonschema import Draft202012Validator

document = json.load(open(sys.argv[1], encoding="utf-8"))
components = document["components"]
schemas = components["schemas"]
problems = []


def errors(schema, instance):
    # The document's components beside the schema, so `#/components/...` resolves.
    validator = Draft202012Validator({**schema, "components": components})
    return [e.message for e in validator.iter_errors(instance)]


def referenced(schema):
    """The component a property refers to (directly, as a list, or as an optional)."""
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[1], False
    items = schema.get("items", {})
    if schema.get("type") == "array" and "$ref" in items:
        return items["$ref"].rsplit("/", 1)[1], True
    for choice in schema.get("oneOf", []):
        if "$ref" in choice:
            return choice["$ref"].rsplit("/", 1)[1], False
    return None, False


def own_example(schema):
    """The property's example as a value of the property, if it has one."""
    if schema.get("examples"):
        return schema["examples"]
    items = schema.get("items", {})
    if schema.get("type") == "array" and items.get("examples"):
        return [[items["examples"][0]]]
    for choice in schema.get("oneOf", []):
        if choice.get("examples"):
            return choice["examples"]
    if schema.get("type") == "array" and items.get("oneOf"):
        for choice in items["oneOf"]:
            if choice.get("examples"):
                return [[choice["examples"][0]]]
    if "example" in schema:
        return [schema["example"]]
    return None


def example_of(name):
    composed = {}
    for prop, schema in schemas[name].get("properties", {}).items():
        place = f"{name}.{prop}"
        examples = own_example(schema)
        if examples:
            for problem in errors(schema, examples[0]):
                problems.append(f"{place}: example not accepted: {problem}")
            composed[prop] = examples[0]
            continue
        other, listed = referenced(schema)
        if other is None:
            problems.append(f"{place}: no example")
            continue
        composed[prop] = [example_of(other)] if listed else example_of(other)
    return composed


for name in schemas:
    for problem in errors(schemas[name], example_of(name)):
        problems.append(f"{name}: the composed example is not accepted: {problem}")

for problem in sorted(set(problems)):
    print(problem)
print(f"{len(schemas)} component schemas, {len(set(problems))} problems")
sys.exit(1 if problems else 0)
