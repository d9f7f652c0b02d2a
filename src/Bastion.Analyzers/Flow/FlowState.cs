using System.Collections.Generic;

namespace Bastion.Analyzers.Flow;

/// <summary>The abstract values of the tracked locations at one program point; unreachable points have no state.</summary>
internal sealed class FlowState
{
    private readonly Dictionary<StateKey, Value> _values;

    public FlowState()
    {
        _values = new Dictionary<StateKey, Value>();
    }

    private FlowState(Dictionary<StateKey, Value> values)
    {
        _values = new Dictionary<StateKey, Value>(values);
    }

    public IEnumerable<KeyValuePair<StateKey, Value>> Entries => _values;

    public FlowState Clone() => new(_values);

    public bool TryGet(StateKey key, out Value value) => _values.TryGetValue(key, out value!);

    public Value? Get(StateKey key) => _values.TryGetValue(key, out Value? value) ? value : null;

    public void Set(StateKey key, Value value) => _values[key] = value;

    /// <summary>Drops the members tracked for a variable that is assigned a new object.</summary>
    public void ForgetMembers(StateKey key)
    {
        List<StateKey>? stale = null;
        foreach (StateKey existing in _values.Keys)
        {
            if (existing.IsMemberOf(key))
            {
                (stale ??= new List<StateKey>()).Add(existing);
            }
        }

        if (stale is not null)
        {
            foreach (StateKey k in stale)
            {
                _values.Remove(k);
            }
        }
    }

    /// <summary>Copies the members tracked for <paramref name="from"/> to <paramref name="to"/> (<c>var o = new CookieOptions { ... }</c>).</summary>
    public void CopyMembers(StateKey from, StateKey to)
    {
        List<KeyValuePair<StateKey, Value>>? copies = null;
        foreach (KeyValuePair<StateKey, Value> entry in _values)
        {
            if (entry.Key.IsMemberOf(from))
            {
                (copies ??= new List<KeyValuePair<StateKey, Value>>()).Add(entry);
            }
        }

        if (copies is not null)
        {
            foreach (KeyValuePair<StateKey, Value> entry in copies)
            {
                _values[to.WithMember(entry.Key.Member!)] = entry.Value;
            }
        }
    }

    /// <summary>Joins <paramref name="other"/> into this state; true when anything changed.</summary>
    public bool JoinWith(FlowState other)
    {
        bool changed = false;
        foreach (KeyValuePair<StateKey, Value> entry in other._values)
        {
            if (_values.TryGetValue(entry.Key, out Value? mine))
            {
                Value joined = mine.Join(entry.Value);
                if (!joined.SameAs(mine))
                {
                    _values[entry.Key] = joined;
                    changed = true;
                }
            }
            else
            {
                _values[entry.Key] = entry.Value;
                changed = true;
            }
        }

        return changed;
    }
}
