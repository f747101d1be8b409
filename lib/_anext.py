"""Helper behind the builtin anext(iterator, default).

anext() calls __anext__ at once (as CPython does) and hands the awaitable
here; awaiting the result gives the next item, or the default when the
iterator is exhausted."""


async def anext_default(awaitable, default):
    try:
        return await awaitable
    except StopAsyncIteration:
        return default
