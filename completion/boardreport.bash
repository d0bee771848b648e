# bash completion for boardreport; installed by `make install` as
# $(PREFIX)/share/bash-completion/completions/boardreport.
#
# Commands and options come from the binary itself (`boardreport help
# --commands`, `boardreport COMMAND --help`), so this file never goes
# stale when a command or option is added.

_boardreport()
{
    local cur prev cmd i
    COMPREPLY=()
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    cmd=
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
            -*) ;;
            *) cmd=${COMP_WORDS[i]}; break ;;
        esac
    done

    if [[ -z $cmd ]]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "--help --version -h -V" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$(boardreport help --commands 2>/dev/null)" -- "$cur"))
        fi
        return
    fi

    case $prev in
        -f|--format)
            case $cmd in
                log|diff) COMPREPLY=($(compgen -W "text json" -- "$cur")) ;;
                *) COMPREPLY=($(compgen -W "json csv xlsx" -- "$cur")) ;;
            esac
            return ;;
        --table) COMPREPLY=($(compgen -W "measures values milestones finance objectives report" -- "$cur")); return ;;
        --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
        -t|--template)
            COMPREPLY=($(compgen -W "$(boardreport help --templates 2>/dev/null)" -- "$cur"))
            return ;;
        -o|--output) COMPREPLY=($(compgen -f -- "$cur")); return ;;
        -a|--archive) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    esac
    if [[ $cmd == help ]]; then
        COMPREPLY=($(compgen -W "$(boardreport help --commands 2>/dev/null)" -- "$cur"))
        return
    fi
    if [[ $cur == --*=* ]]; then
        local opt=${cur%%=*} val=${cur#*=} words=
        case $opt in
            --format) case $cmd in log|diff) words="text json" ;; *) words="json csv xlsx" ;; esac ;;
            --table) words="measures values milestones finance objectives report" ;;
            --color) words="auto always never" ;;
            --template) words=$(boardreport help --templates 2>/dev/null) ;;
        esac
        COMPREPLY=($(compgen -P "$opt=" -W "$words" -- "$val"))
        return
    fi
    if [[ $cur == -* ]]; then
        # Every long option the command's --help lists.
        COMPREPLY=($(compgen -W "$(boardreport "$cmd" --help 2>/dev/null |
                     grep -o -- '--[a-z][a-z-]*' | sort -u)" -- "$cur"))
        return
    fi
    # A quarter's folder or a report.yaml.
    COMPREPLY=($(compgen -d -- "$cur") $(compgen -f -X '!*.yaml' -- "$cur"))
}
complete -o filenames -F _boardreport boardreport
